namespace Saas.Write.Outbox;

/// <summary>
/// Wakes the dispatcher right after a commit in this process, so a command's event is on the bus in
/// milliseconds; the dispatcher's polling still covers commits made by other processes.
/// </summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Notify()
    {
        // At most one pending wake-up: many commits while the dispatcher is busy need one more pass, not many.
        try
        {
            if (signal.CurrentCount == 0)
            {
                signal.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Another commit released it between the check and the release: the wake-up is pending anyway.
        }
    }

    /// <summary>True when woken by a commit, false when the poll interval passed.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, cancellationToken);
}
