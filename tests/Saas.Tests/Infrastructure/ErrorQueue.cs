using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Saas.Contracts.MasterData;
using Saas.Read.MasterData;

namespace Saas.Tests.Infrastructure;

/// <summary>
/// Listens on the projection's error queue (<c>{prefix}read-master-data_error</c>) of the app's transport,
/// to prove that a faulted message really lands there. Binds no exchanges: it only drains what MassTransit
/// moved into the queue.
/// </summary>
public sealed class ErrorQueue : IAsyncDisposable
{
    private readonly ConcurrentDictionary<Guid, string> faults = new();
    private HostReceiveEndpointHandle? handle;

    public static async Task<ErrorQueue> ListenAsync(PipelineApp app)
    {
        var queue = new ErrorQueue();
        var bus = app.Services.GetRequiredService<IBus>();
        queue.handle = bus.ConnectReceiveEndpoint(app.BusPrefix + MasterDataProjectionConsumer.Name + "_error", endpoint =>
        {
            endpoint.ConfigureConsumeTopology = false;
            endpoint.Handler<ItemChanged>(context =>
            {
                // MassTransit records the exception of the fault in MT-Fault-* headers of the moved message.
                queue.faults[context.MessageId ?? Guid.Empty] = string.Join(
                    "\n", context.ReceiveContext.TransportHeaders.GetAll().Where(h => h.Key.StartsWith("MT-Fault", StringComparison.Ordinal)).Select(h => $"{h.Key}: {h.Value}"));
                return Task.CompletedTask;
            });
        });
        await queue.handle.Ready;
        return queue;
    }

    /// <summary>The fault message MassTransit recorded for <paramref name="messageId"/>, once it arrives.</summary>
    public async Task<string> WaitForAsync(Guid messageId, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            if (faults.TryGetValue(messageId, out var reason))
            {
                return reason;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Message {messageId} did not arrive in the error queue.");
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (handle is not null)
        {
            await handle.StopAsync();
        }
    }
}
