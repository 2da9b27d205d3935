namespace Saas.Read.Common;

/// <summary>
/// Wakes this process's read-position waiters the moment a projection commits, instead of at their next poll.
/// Polling stays (bounded) for projections committed by other processes.
/// </summary>
public sealed class ReadSideSignal
{
    private TaskCompletionSource next = New();

    /// <summary>Completes at the next commit of a projection. Take it before checking, so no commit is missed.</summary>
    public Task Next => Volatile.Read(ref next).Task;

    public void Notify() => Interlocked.Exchange(ref next, New()).TrySetResult();

    // Waiters continue on the thread pool, never inside the projection writer's loop.
    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
