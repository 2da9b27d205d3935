using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Saas.Identity.Tokens;

/// <summary>Re-reads (and, when due, rotates) the token keys on every node at <see cref="IdentitySettings.KeyRefreshInterval"/>.</summary>
public sealed class KeyRingRefresh(TokenKeyRing ring, IdentitySettings settings, TimeProvider clock, ILogger<KeyRingRefresh> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Load (or create) the keys now rather than in the first token request. When the schema is not there
        // yet, the first use loads them instead.
        try
        {
            await ring.RefreshAsync(stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogDebug(exception, "Token keys not loaded at start; the first token request loads them");
        }

        using var timer = new PeriodicTimer(settings.KeyRefreshInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await ring.RefreshAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The keys already loaded keep working; the next tick tries again.
                logger.LogWarning(exception, "Refreshing the token keys failed");
            }
        }
    }
}
