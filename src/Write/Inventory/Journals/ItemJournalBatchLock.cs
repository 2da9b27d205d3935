using Microsoft.EntityFrameworkCore;
using Saas.Write.Common;
using Saas.Write.Finance.Posting;

namespace Saas.Write.Inventory.Journals;

/// <summary>
/// Every change of a stored batch (its lines added, changed, deleted; the batch deleted; lines calculated into it)
/// runs in one transaction that takes the batch row first, as posting does (<see cref="PostItemJournalBatch"/>).
/// One order of locks (batch, then lines) means no deadlock with a post, and a change that arrives while a post
/// runs waits for it and then sees the posted lines gone, instead of being deleted unseen after it was saved.
/// </summary>
internal static class ItemJournalBatchLock
{
    private const int MaxAttempts = 5;

    public static async Task<T> RunAsync<T>(WriteDbContext db, Guid batchId, Func<ItemJournalBatch, Task<T>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                // Setting the version to itself locks the row (PostgreSQL row lock, SQLite write lock) without
                // changing the batch's ETag: editing a line is not a change of the batch's own fields.
                var locked = await db.ItemJournalBatches.Where(b => b.Id == batchId)
                    .ExecuteUpdateAsync(s => s.SetProperty(b => b.Version, b => b.Version), cancellationToken);
                if (locked == 0)
                {
                    throw new NotFoundException("Item journal", batchId);
                }

                var batch = await db.ItemJournalBatches.AsNoTracking().SingleAsync(b => b.Id == batchId, cancellationToken);
                var result = await work(batch);
                await transaction.CommitAsync(cancellationToken);
                return result;
            }
            catch (Exception e) when (PostingTransaction.IsLostRace(e))
            {
                await transaction.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                if (e is DbUpdateConcurrencyException || attempt >= MaxAttempts)
                {
                    // A deadlock or busy database that keeps losing is a conflict to retry, never a server error.
                    throw new ConcurrencyException("The item journal", null, null);
                }

                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), cancellationToken);
            }
            catch
            {
                db.ChangeTracker.Clear(); // nothing of a failed change may be saved by a later SaveChanges
                throw;
            }
        }
    }
}
