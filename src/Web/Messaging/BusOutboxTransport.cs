using MassTransit;
using Saas.Contracts;
using Saas.Write.Outbox;

namespace Saas.Web.Messaging;

/// <summary>The outbox dispatcher's view of this process's MassTransit bus (in-memory or RabbitMQ).</summary>
/// <remarks>
/// Two guards against events lost to a broker that has no route for them yet (issue 8): the dispatcher waits for
/// <see cref="IsReady"/> — every receive endpoint of this process started, so its queues and bindings exist —
/// before it claims rows; and on RabbitMQ every publish is <em>mandatory</em>, so a message that no queue is bound
/// for comes back as <see cref="MessageReturnedException"/> and its row stays unpublished for a retry instead of
/// being dropped by the broker. The second guard covers what the first cannot see: consumers that live in other
/// processes, and a broker that lost its definitions while this process was connected.
/// </remarks>
internal sealed class BusOutboxTransport(IBusControl bus, ILogger<BusOutboxTransport> logger) : IOutboxTransport
{
    private static readonly TimeSpan LongestPoll = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan ReportWaitingAfter = TimeSpan.FromSeconds(10);

    public bool IsReady => bus.CheckHealth().Status == BusHealthStatus.Healthy;

    public async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        // MassTransit reports health only by polling; this runs at start-up and while the broker is away, never
        // per message, so a short poll costs nothing and lets the backlog go out right after a reconnect.
        var delay = TimeSpan.FromMilliseconds(10);
        var waited = TimeSpan.Zero;
        var reported = false;
        while (!IsReady)
        {
            if (!reported && waited >= ReportWaitingAfter)
            {
                reported = true;
                logger.LogWarning("Outbox dispatch waits for the bus to be ready: {Health}", bus.CheckHealth().Description);
            }

            await Task.Delay(delay, cancellationToken);
            waited += delay;
            delay = delay * 2 < LongestPoll ? delay * 2 : LongestPoll;
        }

        if (reported)
        {
            logger.LogInformation("The bus is ready again; outbox dispatch resumes");
        }
    }

    public Task PublishAsync(OutboxEnvelope envelope, CancellationToken cancellationToken) =>
        bus.Publish(
            envelope.Message,
            envelope.Type,
            Pipe.Execute<PublishContext>(context =>
            {
                context.MessageId = envelope.MessageId;
                context.Headers.Set(TenantHeaders.TenantId, envelope.TenantId.ToString());
                if (context.TryGetPayload(out RabbitMqSendContext? rabbit))
                {
                    // Unroutable is "not delivered": the broker returns the message instead of dropping it.
                    rabbit.Mandatory = true;
                }
            }),
            cancellationToken);
}
