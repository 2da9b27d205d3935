using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Saas.Tests.Hosting;

/// <summary>
/// Keeps the host's error log entries (with exceptions) so that a test failing on a 500 can say why, instead
/// of showing only the generic problem the product rightly returns to callers.
/// </summary>
public sealed class ServerErrors : ILoggerProvider
{
    private readonly ConcurrentQueue<string> entries = new();

    public override string ToString() => entries.IsEmpty ? "(no server errors logged)" : string.Join("\n---\n", entries.TakeLast(5));

    public ILogger CreateLogger(string categoryName) => new Collector(categoryName, entries);

    public void Dispose()
    {
    }

    private sealed class Collector(string category, ConcurrentQueue<string> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                entries.Enqueue($"{logLevel} {category}: {formatter(state, exception)}\n{exception}");
            }
        }
    }
}
