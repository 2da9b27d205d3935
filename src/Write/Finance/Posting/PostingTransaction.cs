using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Saas.Write.Common;

namespace Saas.Write.Finance.Posting;

/// <summary>
/// The transaction a posting runs in, for the engine and for every document that posts through it (journal
/// batches, transfer orders, later sales and purchase documents): all of it commits or none of it does. A lost
/// race of the database (deadlock, serialization failure, SQLite busy, a concurrent insert of the same idempotency
/// key) runs the whole unit again from scratch, so callers see either the result or a business error.
/// </summary>
public static class PostingTransaction
{
    private const int MaxAttempts = 8;

    /// <param name="commit">Whether to keep what <paramref name="work"/> wrote (false: previews, idempotent repeats).</param>
    public static async Task<T> RunAsync<T>(WriteDbContext db, Func<Task<T>> work, Func<T, bool> commit, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                var result = await work();
                if (commit(result))
                {
                    await transaction.CommitAsync(cancellationToken);
                }
                else
                {
                    await transaction.RollbackAsync(cancellationToken);
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
