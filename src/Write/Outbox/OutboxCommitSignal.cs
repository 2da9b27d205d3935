using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Saas.Write.Outbox;

/// <summary>
/// Outbox rows saved inside an explicit transaction become visible only at its commit: the dispatcher is
/// woken then, not at SaveChanges (it would find nothing and sleep a whole poll interval).
/// </summary>
public sealed class OutboxCommitSignal : DbTransactionInterceptor
{
    public static readonly OutboxCommitSignal Instance = new();

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        (eventData.Context as WriteDbContext)?.OnCommitted();

    public override Task TransactionCommittedAsync(
        DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as WriteDbContext)?.OnCommitted();
        return Task.CompletedTask;
    }
}
