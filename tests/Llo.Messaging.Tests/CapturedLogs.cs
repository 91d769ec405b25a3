using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Llo.Messaging.Tests;

/// <summary>An ILoggerProvider that keeps every formatted log line, to assert on what operators would read.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    public sealed record Line(LogLevel Level, string Category, string Message, Exception? Exception);

    private readonly ConcurrentQueue<Line> _lines = new();

    public IReadOnlyList<Line> Lines => _lines.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._lines.Enqueue(new Line(logLevel, category, formatter(state, exception), exception));
    }
}
