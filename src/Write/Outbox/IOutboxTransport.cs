namespace Saas.Write.Outbox;

/// <summary>
/// What the dispatcher needs of the bus. The host implements it for its transport (Web's messaging setup), so
/// that broker specifics — such as RabbitMQ's "mandatory" flag — stay out of the write side, and tests can put a
/// failing or blocked broker in its place.
/// </summary>
public interface IOutboxTransport
{
    /// <summary>
    /// True while the bus is started and connected with every receive endpoint ready: the queues and bindings of
    /// this process's consumers exist, so a publish cannot be dropped for want of a route to them.
    /// </summary>
    bool IsReady { get; }

    /// <summary>Completes once <see cref="IsReady"/> (at once when it already is).</summary>
    Task WaitUntilReadyAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Publishes one row's message and completes when the broker has taken it; throws when it did not (refused,
    /// returned as unroutable, connection lost). The caller bounds the time through <paramref name="cancellationToken"/>.
    /// </summary>
    Task PublishAsync(OutboxEnvelope envelope, CancellationToken cancellationToken);
}

/// <summary>One outbox row, deserialised: the message, its contract type, its bus message id and its tenant.</summary>
public sealed record OutboxEnvelope(object Message, Type Type, Guid MessageId, Guid TenantId);
