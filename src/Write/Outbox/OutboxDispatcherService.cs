using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Saas.Tenancy.Context;

namespace Saas.Write.Outbox;

/// <summary>
/// Runs the dispatcher: right after a local commit (signal) and at least every poll interval (commits of
/// other processes). Any number of processes may run it at once.
/// </summary>
public sealed class OutboxDispatcherService(
    OutboxDispatcher dispatcher,
    OutboxSignal signal,
    TenantScopes scopes,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcherService> logger) : BackgroundService
{
    private static readonly TimeSpan CleanupInterval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            logger.LogInformation("Outbox dispatcher is disabled in this process (Outbox:Enabled=false)");
            return;
        }

        await Task.Yield();
        await using var system = scopes.BeginSystemScope("outbox dispatcher: publishes every tenant's outbox rows");
        var nextCleanup = clock.GetUtcNow() + TimeSpan.FromMinutes(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            var published = 0;
            try
            {
                published = await dispatcher.DispatchOnceAsync(system, stoppingToken);
                if (clock.GetUtcNow() >= nextCleanup)
                {
                    nextCleanup = clock.GetUtcNow() + CleanupInterval;
                    await dispatcher.DeletePublishedAsync(system, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Outbox dispatch pass failed; retrying after the poll interval");
            }

            if (published >= settings.BatchSize)
            {
                continue; // more is waiting: no pause while behind
            }

            try
            {
                await signal.WaitAsync(settings.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
