using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Saas.Write.Common;
using Saas.Write.Setup;

namespace Saas.Write.Finance.Posting;

/// <summary>
/// The posting engine's one entry point: posts an <see cref="ItemPosting"/> in one transaction (item ledger,
/// applications, value entries, cost adjustment, G/L, register, outbox event), previews it, or adjusts cost on
/// demand. Postings of one company queue on its <see cref="PostingCounters"/> row; a lost race of the database
/// (deadlock, serialization failure, SQLite busy, a concurrent insert of the same idempotency key) runs the
/// posting again from scratch, so callers see either the result or a business error.
/// </summary>
public sealed class ItemPostingEngine(WriteDbContext db, NumberSeries numbers, TimeProvider clock)
{
    private const int MaxAttempts = 8;

    public Task<PostingResult> PostAsync(ItemPosting posting, CancellationToken cancellationToken = default)
    {
        posting.Validate();
        return RunAsync(run => run.PostAsync(posting), preview: false, cancellationToken);
    }

    /// <summary>Everything <see cref="PostAsync"/> would write, computed in a transaction that is rolled back.</summary>
    public Task<PostingResult> PreviewAsync(ItemPosting posting, CancellationToken cancellationToken = default)
    {
        posting.Validate();
        return RunAsync(run => run.PostAsync(posting), preview: true, cancellationToken);
    }

    /// <summary>
    /// BC's "Adjust Cost - Item Entries" for companies that turned automatic adjustment off: adjusts the named
    /// items (all items with entries when none are named) and posts the differences to the G/L.
    /// </summary>
    public Task<PostingResult> AdjustCostAsync(IReadOnlyCollection<string>? itemNos = null, CancellationToken cancellationToken = default) =>
        RunAsync(run => run.AdjustOnlyAsync(itemNos), preview: false, cancellationToken);

    private async Task<PostingResult> RunAsync(Func<PostingRun, Task<PostingResult>> work, bool preview, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null && !preview)
        {
            // A document posting owns the transaction (and its retries): post inside it.
            return await work(new PostingRun(db, numbers, clock, cancellationToken));
        }

        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                var result = await work(new PostingRun(db, numbers, clock, cancellationToken));
                if (preview || result.AlreadyPosted)
                {
                    await transaction.RollbackAsync(cancellationToken);
                    db.ChangeTracker.Clear();
                }
                else
                {
                    await transaction.CommitAsync(cancellationToken);
                }

                // Whatever the posting loaded stays out of the next unit of work of this scope.
                db.ChangeTracker.Clear();
                return result;
            }
            catch (Exception e) when (attempt < MaxAttempts && IsLostRace(e))
            {
                await transaction.RollbackAsync(CancellationToken.None);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), cancellationToken);
            }
            catch
            {
                db.ChangeTracker.Clear(); // nothing of a failed posting may be saved by a later SaveChanges
                throw;
            }
        }
    }

    /// <summary>Failures that say "someone else was faster", not "this posting is wrong".</summary>
    public static bool IsLostRace(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case DbUpdateConcurrencyException:
                case DbUpdateException update when SaveErrors.IsUniqueViolation(update):
                case PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure }:
                case SqliteException { SqliteErrorCode: 5 or 6 }:
                    return true;
            }
        }

        return false;
    }
}
