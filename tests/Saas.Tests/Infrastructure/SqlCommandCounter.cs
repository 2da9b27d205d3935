using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Saas.Tests.Infrastructure;

/// <summary>
/// Counts the SQL commands (round trips) EF sends on behalf of one piece of work: <see cref="CountAsync"/> marks the
/// work with an AsyncLocal, so commands of the outbox dispatcher, the projections or other tests running at the
/// same time are not counted.
/// </summary>
public static class SqlCommandCounter
{
    private static readonly AsyncLocal<List<string>?> Current = new();
    private static readonly IDisposable Subscription = DiagnosticListener.AllListeners.Subscribe(new Listeners());

    /// <summary>The command texts <paramref name="work"/> sent, in order.</summary>
    public static async Task<IReadOnlyList<string>> CountAsync(Func<Task> work)
    {
        GC.KeepAlive(Subscription);
        var commands = new List<string>();
        Current.Value = commands;
        try
        {
            await work();
        }
        finally
        {
            Current.Value = null;
        }

        lock (commands)
        {
            return [.. commands];
        }
    }

    private sealed class Listeners : IObserver<DiagnosticListener>
    {
        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name)
            {
                listener.Subscribe(new Commands());
            }
        }

        public void OnCompleted() { }
        public void OnError(Exception error) { }
    }

    private sealed class Commands : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Value is CommandExecutedEventData executed && Current.Value is { } commands)
            {
                lock (commands)
                {
                    commands.Add(executed.Command.CommandText);
                }
            }
        }

        public void OnCompleted() { }
        public void OnError(Exception error) { }
    }
}
