using Saas.Write.Finance.Setup;

namespace Saas.Write.Inventory.Ledger;

/// <summary>What an entry's cost should be: the nominal cost and the rounding residue BC books as a Rounding entry.</summary>
public readonly record struct CostTarget(decimal Nominal, decimal Rounding)
{
    public decimal Total => Nominal + Rounding;
}

/// <summary>
/// Where an Average item's calculation starts when it does not start at the item's first entry: the first day of an
/// average-cost period, the quantity and value on hand before it (the adjusted entries before it, summed), and the
/// earlier entries that entries from that period on take their cost from (sources of returns and transfer receipts,
/// receipts a fixed application took from); those carry the cost their value entries say, as adjusted.
/// </summary>
public sealed record AverageOpening(DateOnly PeriodStart, decimal Quantity, decimal Value, IReadOnlyCollection<ItemLedgerEntry> Sources);

/// <summary>
/// The cost every entry of one item should carry, from its ledgers alone (entries, value entries, applications).
/// Inbound entries that buy or find goods carry their own cost (their value entries); everything else is valued
/// by others: outbound entries by the inbound entries they were applied to (FIFO, LIFO, Standard, fixed
/// application) or by the average cost of their period (Average); inbound entries that bring goods back (the
/// receiving half of a transfer, a return with exact cost reversal) by the outbound entry they came from.
/// Cost adjustment compares these targets with the posted value entries and books the difference, so a later
/// invoice price, item charge, revaluation or backdated receipt reaches every entry it should.
/// </summary>
/// <remarks>
/// Allocation follows BC ("Design Details: Rounding"). FIFO, LIFO and Standard items (and fixed applications of
/// them): each application of an inbound entry takes round(C(x₂) − C(x₁)) of its cost function C over its
/// quantity, its own units' cost rounded on its own, so three sales of one from 3 bought for 10.00 cost 3.33 each.
/// Once the inbound entry is fully applied, what its applications did not take (10.00 − 9.99) is its rounding
/// residual, which adjustment books on the inbound entry as a Rounding value entry (<see cref="InboundRounding"/>);
/// so quantity 0 still means value 0. Average items: a period's outbound entries share the period's average
/// cumulatively (round(A·x₂) − round(A·x₁)), a fixed application its inbound entry's cost the same way, and a
/// period that ends at quantity 0 leaves its residue on its last outbound entry as a Rounding entry (also BC's).
/// </remarks>
public sealed class ItemCostCalculator
{
    private readonly CostingMethod method;
    private readonly AverageCostPeriod period;
    private readonly decimal fallbackUnitCost;
    private readonly List<ItemLedgerEntry> entries;
    private readonly Dictionary<long, ItemLedgerEntry> byNo;
    private readonly Dictionary<long, List<ValueEntry>> valuesByEntry;
    private readonly Dictionary<long, List<ItemApplicationEntry>> appsByInbound;
    private readonly Dictionary<long, List<ItemApplicationEntry>> appsByOutbound;
    private readonly Dictionary<long, CostTarget> targets = [];
    private readonly Dictionary<long, Dictionary<long, decimal>> allocations = [];
    private readonly Dictionary<long, decimal> inboundRounding = [];
    private readonly IReadOnlyDictionary<long, decimal> appliedBefore;
    private readonly AverageOpening? opening;

    /// <param name="appliedBefore">
    /// For a part of the ledger (incremental adjustment): per inbound entry whose earlier applications are left
    /// out, the quantity those took. An application's share depends only on the quantity before it, so the applications given still get exactly the
    /// share the whole list would give them. Without it every application of every inbound entry must be given.
    /// </param>
    /// <param name="opening">
    /// For an Average item, a start after the item's first entry: <paramref name="entries"/> are then the entries
    /// from <see cref="AverageOpening.PeriodStart"/> on; <paramref name="values"/> the value entries of those and of
    /// the opening's sources, plus the revaluations valued from that period on.
    /// </param>
    public ItemCostCalculator(
        CostingMethod method, AverageCostPeriod period, decimal fallbackUnitCost,
        IEnumerable<ItemLedgerEntry> entries, IEnumerable<ValueEntry> values, IEnumerable<ItemApplicationEntry> applications,
        IReadOnlyDictionary<long, decimal>? appliedBefore = null, AverageOpening? opening = null)
    {
        this.opening = opening;
        this.appliedBefore = appliedBefore ?? new Dictionary<long, decimal>();
        this.method = method;
        this.period = period;
        this.fallbackUnitCost = fallbackUnitCost;
        this.entries = entries.OrderBy(e => e.EntryNo).ToList();
        byNo = this.entries.ToDictionary(e => e.EntryNo);
        valuesByEntry = values.GroupBy(v => v.ItemLedgerEntryNo).ToDictionary(g => g.Key, g => g.OrderBy(v => v.EntryNo).ToList());
        var apps = applications.OrderBy(a => a.EntryNo).ToList();
        appsByInbound = apps.GroupBy(a => a.InboundEntryNo).ToDictionary(g => g.Key, g => g.ToList());
        appsByOutbound = apps.GroupBy(a => a.OutboundEntryNo).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var source in opening?.Sources ?? [])
        {
            byNo[source.EntryNo] = source;
            if (IsValuedByOthers(source))
            {
                // Adjusted before this posting and not reached by it: the cost its value entries carry is its cost.
                var own = (valuesByEntry.GetValueOrDefault(source.EntryNo) ?? []).Where(v => v.EntryType != ValueEntryType.Revaluation).ToList();
                targets[source.EntryNo] = new CostTarget(
                    own.Where(v => v.EntryType != ValueEntryType.Rounding).Sum(v => v.CostAmountExpected + v.CostAmountActual),
                    own.Where(v => v.EntryType == ValueEntryType.Rounding).Sum(v => v.CostAmountExpected + v.CostAmountActual));
            }
        }
    }

    /// <summary>
    /// Set by <see cref="Calculate"/> when a start after the first entry (<see cref="AverageOpening"/>) is not enough:
    /// its first period has nothing on hand to average and would need the average of the period before.
    /// </summary>
    public bool NeedsEarlierStart { get; private set; }

    /// <summary>
    /// After <see cref="Calculate"/>: the rounding residual of every fully applied inbound entry that carries its own
    /// cost (FIFO, LIFO, Standard): Σ of what its applications took − its cost, zero included (a late invoice can
    /// take a booked residual back). Inbound entries valued by others carry theirs in <see cref="CostTarget.Rounding"/>.
    /// An inbound entry with quantity left has no residual yet (BC computes it once the remaining quantity is 0).
    /// </summary>
    public IReadOnlyDictionary<long, decimal> InboundRounding => inboundRounding;

    /// <summary>Entries whose cost comes from other entries rather than from their own value entries.</summary>
    public static bool IsValuedByOthers(ItemLedgerEntry entry) => !entry.Positive || entry.CostSourceEntry != 0;

    public static decimal RoundAmount(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    public static decimal RoundUnitCost(decimal unitCost) => Math.Round(unitCost, 5, MidpointRounding.AwayFromZero);

    public IReadOnlyDictionary<long, CostTarget> Calculate()
    {
        if (method == CostingMethod.Average)
        {
            CalculateAverage();
        }
        else
        {
            CalculateApplied();
        }

        if (opening is null)
        {
            return targets;
        }

        var sources = opening.Sources.Select(s => s.EntryNo).ToHashSet();
        return targets.Where(t => !sources.Contains(t.Key)).ToDictionary();
    }

    /// <summary>
    /// The cost still on an inbound entry with <paramref name="remaining"/> units left (what a revaluation revalues):
    /// its cost less what its applications took. Needs every application of the entry (with FIFO/LIFO/Standard each
    /// one's share is rounded on its own, so the sum is not a function of the quantity applied alone).
    /// </summary>
    public decimal CostOfRemaining(long inboundEntryNo, decimal remaining)
    {
        var entry = byNo[inboundEntryNo];
        if (method == CostingMethod.Average)
        {
            return RoundAmount(CostAt(entry, entry.Quantity)) - RoundAmount(CostAt(entry, entry.Quantity - remaining));
        }

        var applications = appsByInbound.GetValueOrDefault(inboundEntryNo) ?? [];
        if (appliedBefore.ContainsKey(inboundEntryNo) || entry.Quantity - applications.Sum(a => a.Quantity) != remaining)
        {
            throw new InvalidOperationException($"Item Ledger Entry {inboundEntryNo}: the cost of its remaining quantity needs all its applications.");
        }

        return CostAt(entry, entry.Quantity) - AllocationsOf(entry).Values.Sum();
    }

    /// <summary>Quantity and value of the whole item after <see cref="Calculate"/> (the state cost adjustment leads to).</summary>
    public (decimal Quantity, decimal Value) OnHand()
    {
        decimal quantity = 0, value = 0;
        foreach (var entry in entries)
        {
            quantity += entry.Quantity;
            value += IsValuedByOthers(entry) ? Target(entry).Total : Base(entry) + inboundRounding.GetValueOrDefault(entry.EntryNo);
            value += Revaluations(entry).Sum(r => r.Amount);
        }

        return (quantity, value);
    }

    private void CalculateApplied()
    {
        // Entry order settles everything when outbound entries only take from earlier inbound ones; an outbound
        // entry posted into negative inventory takes from a later inbound one, which the next pass picks up.
        for (var pass = 0; pass < 50; pass++)
        {
            var changed = false;
            foreach (var entry in entries.Where(IsValuedByOthers))
            {
                changed |= SetTarget(entry, entry.Positive ? Derived(entry) : Applied(entry));
            }

            if (!changed)
            {
                CalculateInboundRounding();
                return;
            }
        }

        throw new InvalidOperationException($"Cost of item {entries.FirstOrDefault()?.ItemNo} did not settle: the applications form a loop.");
    }

    /// <summary>
    /// The residual of each fully applied inbound entry (see the remarks). Computed once the costs have settled, so
    /// it never feeds back into an allocation: a residual belongs to the inbound entry, not to the units that left.
    /// </summary>
    private void CalculateInboundRounding()
    {
        foreach (var entry in entries.Where(e => e.Positive))
        {
            var applied = (appsByInbound.GetValueOrDefault(entry.EntryNo) ?? []).Sum(a => a.Quantity);
            var before = appliedBefore.GetValueOrDefault(entry.EntryNo);
            if (before + applied != entry.Quantity)
            {
                continue;
            }

            // A fully applied entry's residual needs every application's share; the incremental loader gives them all.
            if (before != 0)
            {
                throw new InvalidOperationException($"Item Ledger Entry {entry.EntryNo} is fully applied but only some of its applications were given.");
            }

            var residual = AllocationsOf(entry).Values.Sum() - CostAt(entry, entry.Quantity);
            if (IsValuedByOthers(entry))
            {
                targets[entry.EntryNo] = Target(entry) with { Rounding = residual };
            }
            else
            {
                inboundRounding[entry.EntryNo] = residual;
            }
        }
    }

    private void CalculateAverage()
    {
        DateOnly PeriodOf(DateOnly date) => period.StartOf(date);
        // Revaluations count in the period of their valuation date, whichever entry carries them; with an opening,
        // those valued before it are in its value already.
        var revaluationsByPeriod = byNo.Values
            .SelectMany(e => Revaluations(e).Select(r => (Period: PeriodOf(r.ValuationDate), r.Amount)))
            .Where(r => opening is null || r.Period >= opening.PeriodStart)
            .GroupBy(r => r.Period)
            .ToDictionary(g => g.Key, g => g.Sum(r => r.Amount));
        var periods = entries.Select(e => PeriodOf(e.PostingDate)).Concat(revaluationsByPeriod.Keys).Distinct().Order().ToList();
        var byPeriod = entries.GroupBy(e => PeriodOf(e.PostingDate)).ToDictionary(g => g.Key, g => g.ToList());

        decimal quantity = opening?.Quantity ?? 0, value = opening?.Value ?? 0;
        decimal? lastAverage = opening is null ? fallbackUnitCost : null; // unknown: the average of a period before the opening
        ItemLedgerEntry? lastOutbound = null;
        foreach (var p in periods)
        {
            var inPeriod = byPeriod.GetValueOrDefault(p) ?? [];
            bool SourceEarlier(ItemLedgerEntry e) => byNo.TryGetValue(e.CostSourceEntry, out var s) && PeriodOf(s.PostingDate) < p;

            // Returns of goods that left in an earlier period come back at that period's cost and join this
            // period's average like a purchase. Transfers are left out: per item they move value, not create it.
            foreach (var e in inPeriod.Where(e => e.Positive && e.CostSourceEntry != 0 && SourceEarlier(e)))
            {
                SetTarget(e, Derived(e));
            }

            var averaged = inPeriod.Where(e => e.Positive && e.EntryType != ItemLedgerEntryType.Transfer
                && (e.CostSourceEntry == 0 || SourceEarlier(e))).ToList();
            var inboundQuantity = averaged.Sum(e => e.Quantity);
            var inboundValue = averaged.Sum(e => e.CostSourceEntry == 0 ? Base(e) : Target(e).Total)
                + revaluationsByPeriod.GetValueOrDefault(p);
            var average = quantity + inboundQuantity > 0 ? (value + inboundValue) / (quantity + inboundQuantity) : lastAverage;
            if (average is null)
            {
                NeedsEarlierStart = true;
                return;
            }

            lastAverage = average;

            var outbound = inPeriod.Where(e => !e.Positive && e.AppliesToEntry == 0).ToList();
            decimal cumulative = 0, allocated = 0;
            foreach (var e in outbound)
            {
                cumulative -= e.Quantity;
                var upTo = RoundAmount(average.Value * cumulative);
                SetTarget(e, new CostTarget(-(upTo - allocated), 0));
                allocated = upTo;
            }

            // A purchase return fixed-applied to its receipt leaves at that receipt's cost (exact cost reversal);
            // goods coming back take the cost they left with. In entry order: a transfer receipt applies to the
            // in-transit entry that its shipment created, possibly earlier in this same period.
            foreach (var e in inPeriod.Where(e => (!e.Positive && e.AppliesToEntry != 0) || (e.Positive && e.CostSourceEntry != 0 && !SourceEarlier(e))))
            {
                SetTarget(e, e.Positive ? Derived(e) : Applied(e));
            }

            quantity += inPeriod.Sum(e => e.Quantity);
            value += revaluationsByPeriod.GetValueOrDefault(p)
                + inPeriod.Sum(e => IsValuedByOthers(e) ? Target(e).Total : Base(e));
            lastOutbound = outbound.Count > 0 ? outbound[^1] : lastOutbound;

            // Back to nothing on hand: what value is left is residue. It belongs to the last outbound entry, of
            // this period or, when the period only brought goods in (a shipment dated before the receipt it
            // took), of the last period that had one.
            if (quantity == 0 && value != 0 && lastOutbound is not null)
            {
                SetTarget(lastOutbound, Target(lastOutbound) with { Rounding = Target(lastOutbound).Rounding - value });
                value = 0;
            }
        }
    }

    private bool SetTarget(ItemLedgerEntry entry, CostTarget target)
    {
        if (targets.TryGetValue(entry.EntryNo, out var old) && old == target)
        {
            return false;
        }

        targets[entry.EntryNo] = target;
        allocations.Remove(entry.EntryNo); // an inbound entry's cost changed: its applications share it anew
        return true;
    }

    private CostTarget Target(ItemLedgerEntry entry) => targets.GetValueOrDefault(entry.EntryNo);

    /// <summary>An outbound entry: what its applications took from inbound entries, and the rest at its own unit cost.</summary>
    private CostTarget Applied(ItemLedgerEntry outbound)
    {
        decimal cost = 0, applied = 0;
        foreach (var app in appsByOutbound.GetValueOrDefault(outbound.EntryNo) ?? [])
        {
            cost += AllocationsOf(byNo[app.InboundEntryNo])[app.EntryNo];
            applied += app.Quantity;
        }

        cost += RoundAmount((-outbound.Quantity - applied) * outbound.UnappliedUnitCost);
        return new CostTarget(-cost, 0);
    }

    /// <summary>An inbound entry that brings back goods: the cost they left with, in proportion to the quantity.</summary>
    private CostTarget Derived(ItemLedgerEntry inbound)
    {
        var source = byNo[inbound.CostSourceEntry];
        var sourceCost = -Target(source).Total;
        return new CostTarget(inbound.Quantity == -source.Quantity ? sourceCost : RoundAmount(sourceCost * inbound.Quantity / -source.Quantity), 0);
    }

    private Dictionary<long, decimal> AllocationsOf(ItemLedgerEntry inbound)
    {
        if (allocations.TryGetValue(inbound.EntryNo, out var cached))
        {
            return cached;
        }

        var result = new Dictionary<long, decimal>();
        var cumulative = appliedBefore.GetValueOrDefault(inbound.EntryNo);
        var allocated = cumulative == 0 ? 0 : RoundAmount(CostAt(inbound, cumulative));
        foreach (var app in appsByInbound.GetValueOrDefault(inbound.EntryNo) ?? [])
        {
            var from = cumulative;
            cumulative += app.Quantity;
            if (method == CostingMethod.Average)
            {
                var upTo = RoundAmount(CostAt(inbound, cumulative));
                result[app.EntryNo] = upTo - allocated;
                allocated = upTo;
            }
            else
            {
                // BC: the units' own cost, rounded; the inbound entry keeps the residual (CalculateInboundRounding).
                result[app.EntryNo] = RoundAmount(CostAt(inbound, cumulative) - CostAt(inbound, from));
            }
        }

        allocations[inbound.EntryNo] = result;
        return result;
    }

    /// <summary>
    /// The cost of the first <paramref name="x"/> units of an inbound entry: its own cost spread evenly, plus each
    /// revaluation spread over the units that were still there when it was posted (the last ones to leave).
    /// </summary>
    private decimal CostAt(ItemLedgerEntry inbound, decimal x)
    {
        var total = inbound.Quantity;
        // Nominal: an inbound entry's own rounding residual is what its applications left, not part of what they share.
        var own = IsValuedByOthers(inbound) ? Target(inbound).Nominal : Base(inbound);
        var cost = x == total ? own : own * x / total;
        foreach (var (amount, valued, _) in Revaluations(inbound))
        {
            var part = Math.Clamp(x - (total - valued), 0, valued);
            cost += part == valued ? amount : amount * part / valued;
        }

        return cost;
    }

    /// <summary>An inbound entry's own cost: every value entry except revaluations (expected and actual alike).</summary>
    private decimal Base(ItemLedgerEntry entry) =>
        (valuesByEntry.GetValueOrDefault(entry.EntryNo) ?? [])
        .Where(v => v.EntryType is not (ValueEntryType.Revaluation or ValueEntryType.Rounding))
        .Sum(v => v.CostAmountExpected + v.CostAmountActual);

    private IEnumerable<(decimal Amount, decimal Valued, DateOnly ValuationDate)> Revaluations(ItemLedgerEntry entry) =>
        (valuesByEntry.GetValueOrDefault(entry.EntryNo) ?? [])
        .Where(v => v.EntryType == ValueEntryType.Revaluation && v.ValuedQuantity > 0)
        .Select(v => (v.CostAmountExpected + v.CostAmountActual, v.ValuedQuantity, v.ValuationDate));
}
