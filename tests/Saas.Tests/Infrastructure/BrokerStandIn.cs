using Saas.Write.Outbox;

namespace Saas.Tests.Infrastructure;

/// <summary>
/// The dispatcher's bus with a switch in front of it, for one outage: passes publishes to the app's real bus until
/// told to hang (publishes wait, bounded by their timeout) or to go down (not ready; publishes fail as with a lost
/// connection), and again after <see cref="Recover"/>.
/// </summary>
public sealed class BrokerStandIn(IOutboxTransport bus) : IOutboxTransport
{
    private readonly TaskCompletionSource publishEntered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource recovered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool hanging;
    private volatile bool down;

    /// <summary>Completes when a publish has reached the hanging broker.</summary>
    public Task PublishEntered => publishEntered.Task;

    public bool IsReady => !down && bus.IsReady;

    public void Hang() => hanging = true;

    public void GoDown()
    {
        down = true;
        released.TrySetResult();
    }

    public void Recover()
    {
        down = false;
        hanging = false;
        released.TrySetResult();
        recovered.TrySetResult();
    }

    public async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        if (down)
        {
            await recovered.Task.WaitAsync(cancellationToken);
        }

        await bus.WaitUntilReadyAsync(cancellationToken);
    }

    public async Task PublishAsync(OutboxEnvelope envelope, CancellationToken cancellationToken)
    {
        if (hanging)
        {
            publishEntered.TrySetResult();
            await released.Task.WaitAsync(cancellationToken);
        }

        if (down)
        {
            throw new InvalidOperationException("The broker is unreachable (test stand-in).");
        }

        await bus.PublishAsync(envelope, cancellationToken);
    }
}
