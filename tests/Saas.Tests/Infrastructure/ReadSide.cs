using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saas.Read.Common;
using Saas.Tenancy.Context;
using Saas.Write;

namespace Saas.Tests.Infrastructure;

/// <summary>
/// Waiting for the read side by position, never by time: a company's read side has caught up when every event its
/// write side recorded (its outbox rows, whoever wrote them: a request, onboarding, a posting) is in the read
/// side's inbox. A test that compares read rows before and after something, or expects seeded rows in a list,
/// waits here first, so that a projection landing late can neither fail it nor be mistaken for a change.
/// </summary>
public static class ReadSide
{
    /// <summary>Only a failure bound: a healthy pipeline answers in milliseconds; a lost event must fail, not hang.</summary>
    private static readonly TimeSpan FailAfter = TimeSpan.FromSeconds(60);

    public static async Task CaughtUpAsync(IServiceProvider services, Guid tenantId)
    {
        await using var scope = await services.GetRequiredService<TenantScopes>().BeginScope(tenantId);
        var outbox = scope.Services.GetRequiredService<WriteDbContext>().Outbox;
        var positions = await outbox.Select(m => m.MessageId).ToListAsync();
        var read = scope.Services.GetRequiredService<ReadPositions>();
        foreach (var position in positions)
        {
            if (!await read.WaitAsync(position, FailAfter))
            {
                // Where it got stuck: never published (backoff, parked) or published and not projected (consumer, bus).
                var row = await outbox.AsNoTracking().SingleAsync(m => m.MessageId == position);
                Assert.Fail(
                    $"Event {position} ({row.Type}) of tenant {tenantId} was not projected within {FailAfter.TotalSeconds} s: occurred " +
                    $"{row.OccurredUtc:O}, published {row.PublishedUtc:O}, attempts {row.Attempts}, parked {row.Parked}, next attempt " +
                    $"{row.NextAttemptUtc:O}, last error {row.LastError ?? "none"}.");
            }
        }
    }
}
