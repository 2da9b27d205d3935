using Microsoft.EntityFrameworkCore;
using Saas.Write.Setup;
using Saas.Write.Telemetry;

namespace Saas.Write.Finance.Posting;

/// <summary>
/// The posting engine's one entry point: posts an <see cref="ItemPosting"/> in one transaction (item ledger,
/// applications, value entries, cost adjustment, G/L, register, outbox event), previews it, or adjusts cost on
/// demand. Postings of one company queue on its <see cref="PostingCounters"/> row; <see cref="PostingTransaction"/>
/// commits it or runs it again after a lost race.
/// </summary>
public sealed class ItemPostingEngine(WriteDbContext db, NumberSeries numbers, TimeProvider clock)
{
    public Task<PostingResult> PostAsync(ItemPosting posting, CancellationToken cancellationToken = default)
    {
        posting.Validate();
        return MeasuredAsync("post", () => RunAsync(run => run.PostAsync(posting), preview: false, cancellationToken));
    }

    /// <summary>Everything <see cref="PostAsync"/> would write, computed in a transaction that is rolled back.</summary>
    public Task<PostingResult> PreviewAsync(ItemPosting posting, CancellationToken cancellationToken = default)
    {
        posting.Validate();
        return MeasuredAsync("preview", () => RunAsync(run => run.PostAsync(posting), preview: true, cancellationToken));
    }

    /// <summary>
    /// BC's "Adjust Cost - Item Entries" for companies that turned automatic adjustment off: adjusts the named
    /// items (else the items postings left unadjusted, <see cref="CostAdjustmentEntryPoint"/>) from scratch and
    /// posts the differences to the G/L. With nothing left to adjust it reads one index and writes nothing.
    /// </summary>
    public Task<PostingResult> AdjustCostAsync(IReadOnlyCollection<string>? itemNos = null, CancellationToken cancellationToken = default) =>
        MeasuredAsync("adjust", () => RunAsync(run => run.AdjustOnlyAsync(itemNos), preview: false, cancellationToken));

    /// <summary>
    /// Adjusts every item with entries from scratch, whether or not it is marked: what a change of the costing setup
    /// needs (automatic adjustment switched on, another average cost period), and the reference the incremental
    /// adjustment is checked against.
    /// </summary>
    public Task<PostingResult> AdjustEveryItemAsync(CancellationToken cancellationToken = default) =>
        MeasuredAsync("adjust", () => RunAsync(run => run.AdjustOnlyAsync(null, everyItem: true), preview: false, cancellationToken));

    /// <summary>The posting duration metric (<see cref="WriteMetrics.PostingDuration"/>), by kind and outcome.</summary>
    private async Task<PostingResult> MeasuredAsync(string kind, Func<Task<PostingResult>> posting)
    {
        var started = clock.GetTimestamp();
        try
        {
            var result = await posting();
            WriteMetrics.RecordPosting(clock.GetElapsedTime(started), kind, result.AlreadyPosted ? "already_posted" : "posted");
            return result;
        }
        catch
        {
            WriteMetrics.RecordPosting(clock.GetElapsedTime(started), kind, "refused");
            throw;
        }
    }

    private async Task<PostingResult> RunAsync(Func<PostingRun, Task<PostingResult>> work, bool preview, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null && !preview)
        {
            // A document posting owns the transaction (and its retries): post inside it.
            return await work(new PostingRun(db, numbers, clock, cancellationToken));
        }

        return await PostingTransaction.RunAsync(
            db,
            () => work(new PostingRun(db, numbers, clock, cancellationToken)),
            commit: result => !preview && !result.AlreadyPosted,
            cancellationToken);
    }
}
