using Microsoft.EntityFrameworkCore;
using Saas.Write.Common;

namespace Saas.Write.Finance.Setup.Editing;

/// <summary>
/// Every change to a company's finance setup runs in one transaction holding the company's setup lock, so that
/// checks made before the write still hold at commit: the If-Match value comparison, "no setup row names this
/// account", "no row uses this group". On PostgreSQL the lock is the company's G/L setup row (FOR UPDATE; plain
/// reads, postings included, are not blocked); SQLite's write transaction (BEGIN IMMEDIATE) already excludes other writers.
/// Setup is changed rarely, so serialising its editors per company costs nothing.
/// </summary>
internal static class SetupLock
{
    public static Task<T> RunAsync<T>(WriteDbContext db, Func<Task<T>> change, CancellationToken cancellationToken) =>
        SaveErrors.RetryOnConcurrencyAsync(db, async () =>
        {
            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlInterpolatedAsync(
                    $"SELECT 1 FROM general_ledger_setups WHERE tenant_id = {db.CurrentTenantId} FOR UPDATE", cancellationToken);
            }

            return await change();
        });

    public static Task RunAsync(WriteDbContext db, Func<Task> change, CancellationToken cancellationToken) =>
        RunAsync(db, async () =>
        {
            await change();
            return true;
        }, cancellationToken);
}
