using Microsoft.EntityFrameworkCore;
using Saas.Write.Common;

namespace Saas.Write.Finance.Setup.Editing;

public sealed record VatPostingSetupChange
{
    public string? VatBusPostingGroup { get; init; }
    public string? VatProdPostingGroup { get; init; }
    public decimal? VatPercent { get; init; }
    public VatCalculationType? CalculationType { get; init; }
    public string? SalesVatAccount { get; init; }
    public string? PurchaseVatAccount { get; init; }
    public string? ReverseChargeVatAccount { get; init; }
}

/// <summary>The VAT posting setup (BC table 325): VAT business × VAT product posting group, rate and accounts.</summary>
public sealed class VatPostingSetups(WriteDbContext db)
{
    public static string Describe(VatPostingSetup s) =>
        $"VAT Posting Setup {GeneralPostingSetup.Show(s.VatBusPostingGroup)} × {GeneralPostingSetup.Show(s.VatProdPostingGroup)}";

    public Guid IdOf(VatPostingSetup s) => SetupKeys.Id(db.CurrentTenantId, "vatPostingSetups", s.VatBusPostingGroup, s.VatProdPostingGroup);

    public static long VersionOf(VatPostingSetup s) => SetupKeys.Version(
        s.VatBusPostingGroup, s.VatProdPostingGroup, s.VatPercent.ToString("0.#####", System.Globalization.CultureInfo.InvariantCulture),
        s.CalculationType, s.SalesVatAccount, s.PurchaseVatAccount, s.ReverseChargeVatAccount);

    public async Task<List<VatPostingSetup>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.VatPostingSetups.AsNoTracking().OrderBy(s => s.VatBusPostingGroup).ThenBy(s => s.VatProdPostingGroup).ToListAsync(cancellationToken);

    public async Task<VatPostingSetup?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await ListAsync(cancellationToken)).SingleOrDefault(s => IdOf(s) == id);

    public Task<VatPostingSetup> CreateAsync(VatPostingSetupChange change, CancellationToken cancellationToken = default) =>
        SetupLock.RunAsync(db, () => CreateCoreAsync(change, cancellationToken), cancellationToken);

    private async Task<VatPostingSetup> CreateCoreAsync(VatPostingSetupChange change, CancellationToken cancellationToken = default)
    {
        var v = new Validation();
        var setup = new VatPostingSetup
        {
            TenantId = db.CurrentTenantId,
            VatBusPostingGroup = Codes.Normalize(change.VatBusPostingGroup),
            VatProdPostingGroup = Codes.Normalize(change.VatProdPostingGroup),
        };

        // BC allows blank on both sides (documents without VAT groups use the blank × blank row).
        await PostingSetupKeys.GroupAsync(db, v, "vatBusinessPostingGroup", PostingGroupKind.VatBusiness, setup.VatBusPostingGroup, true, cancellationToken);
        await PostingSetupKeys.GroupAsync(db, v, "vatProductPostingGroup", PostingGroupKind.VatProduct, setup.VatProdPostingGroup, true, cancellationToken);
        await ApplyAsync(v, setup, change, cancellationToken);
        v.ThrowIfInvalid();

        var message = $"{Describe(setup)} already exists.";
        if (await db.VatPostingSetups.AnyAsync(
                s => s.VatBusPostingGroup == setup.VatBusPostingGroup && s.VatProdPostingGroup == setup.VatProdPostingGroup, cancellationToken))
        {
            throw new ConflictException("vatProductPostingGroup", message);
        }

        db.VatPostingSetups.Add(setup);
        await WriteSaves.SaveNewAsync(db, "vatProductPostingGroup", message, cancellationToken);
        return setup;
    }

    public Task<VatPostingSetup> UpdateAsync(Guid id, long? expectedVersion, VatPostingSetupChange change, CancellationToken cancellationToken = default) =>
        SetupLock.RunAsync(db, () => UpdateCoreAsync(id, expectedVersion, change, cancellationToken), cancellationToken);

    private async Task<VatPostingSetup> UpdateCoreAsync(Guid id, long? expectedVersion, VatPostingSetupChange change, CancellationToken cancellationToken = default)
    {
        var setup = (await db.VatPostingSetups.ToListAsync(cancellationToken)).SingleOrDefault(s => IdOf(s) == id)
            ?? throw new NotFoundException("VAT Posting Setup", id);
        SetupKeys.CheckVersion(Describe(setup), expectedVersion, VersionOf(setup));
        var v = new Validation();
        PostingSetupKeys.Unchanged(v, "vatBusinessPostingGroup", change.VatBusPostingGroup, setup.VatBusPostingGroup);
        PostingSetupKeys.Unchanged(v, "vatProductPostingGroup", change.VatProdPostingGroup, setup.VatProdPostingGroup);
        await ApplyAsync(v, setup, change, cancellationToken);
        v.ThrowIfInvalid();
        await db.SaveChangesAsync(cancellationToken);
        return setup;
    }

    public Task DeleteAsync(Guid id, CancellationToken cancellationToken = default) =>
        SetupLock.RunAsync(db, () => DeleteCoreAsync(id, cancellationToken), cancellationToken);

    private async Task DeleteCoreAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var setup = (await db.VatPostingSetups.ToListAsync(cancellationToken)).SingleOrDefault(s => IdOf(s) == id)
            ?? throw new NotFoundException("VAT Posting Setup", id);
        db.VatPostingSetups.Remove(setup);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task ApplyAsync(Validation v, VatPostingSetup s, VatPostingSetupChange c, CancellationToken cancellationToken)
    {
        if (c.VatPercent is { } percent)
        {
            // BC: VAT % between 0 and 100; amounts are rounded elsewhere, the rate keeps BC's decimals.
            if (percent is < 0 or > 100)
            {
                v.Add("vatPercent", "must be between 0 and 100.");
            }

            s.VatPercent = percent;
        }

        s.CalculationType = c.CalculationType ?? s.CalculationType;
        s.SalesVatAccount = await PostingSetupKeys.AccountAsync(db, v, "salesVatAccount", c.SalesVatAccount, s.SalesVatAccount, cancellationToken);
        s.PurchaseVatAccount = await PostingSetupKeys.AccountAsync(db, v, "purchaseVatAccount", c.PurchaseVatAccount, s.PurchaseVatAccount, cancellationToken);
        s.ReverseChargeVatAccount = await PostingSetupKeys.AccountAsync(
            db, v, "reverseChargeVatAccount", c.ReverseChargeVatAccount, s.ReverseChargeVatAccount, cancellationToken);
        if (s.CalculationType == VatCalculationType.ReverseCharge && s.ReverseChargeVatAccount.Length == 0)
        {
            v.Add("reverseChargeVatAccount", "is required for Reverse Charge VAT.");
        }
    }
}
