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
        var positions = await scope.Services.GetRequiredService<WriteDbContext>().Outbox.Select(m => m.MessageId).ToListAsync();
        var read = scope.Services.GetRequiredService<ReadPositions>();
        foreach (var position in positions)
        {
            Assert.True(
                await read.WaitAsync(position, FailAfter),
                $"Event {position} of tenant {tenantId} was not projected within {FailAfter.TotalSeconds} s (lost or parked, not slow).");
        }
    }
}
