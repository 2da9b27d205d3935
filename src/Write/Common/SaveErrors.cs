using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Saas.Write.Common;

/// <summary>Recognises the provider errors that mean a business conflict rather than a fault.</summary>
public static class SaveErrors
{
    /// <summary>
    /// A unique index refused the row: two users created the same number at the same moment (the
    /// check before saving cannot see the other's uncommitted row).
    /// </summary>
    public static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    /// <summary>
    /// Runs a unit of work again when an optimistic token lost a race (number series step); the change
    /// tracker is cleared so the retry reads current rows.
    /// </summary>
    public static async Task<T> RetryOnConcurrencyAsync<T>(WriteDbContext db, Func<Task<T>> work, int attempts = 5)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await work();
            }
            catch (DbUpdateConcurrencyException) when (attempt < attempts)
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}

/// <summary>Saving an update: lost races become the business errors the caller can act on.</summary>
public static class WriteSaves
{
    public static async Task SaveChangesAsync(
        WriteDbContext db, string entity, long? expectedVersion, long loadedVersion, string uniqueField, string uniqueMessage,
        CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our read and our write: the version we changed is no longer current.
            db.ChangeTracker.Clear();
            throw new ConcurrencyException(entity, expectedVersion ?? loadedVersion, null);
        }
        catch (DbUpdateException e) when (SaveErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            throw new ConflictException(uniqueField, uniqueMessage);
        }
    }

    /// <summary>Saving a new record: a number taken by a concurrent create becomes a conflict.</summary>
    public static async Task SaveNewAsync(WriteDbContext db, string uniqueField, string uniqueMessage, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && SaveErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            throw new ConflictException(uniqueField, uniqueMessage);
        }
    }
}
