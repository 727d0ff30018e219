using Microsoft.Extensions.Logging;

namespace ChangeGuard.Hosting;

/// <summary>Writes log lines to a <see cref="TextWriter"/> (standard error), one line each, for <c>--verbose</c>.</summary>
public sealed class TextWriterLoggerProvider(TextWriter writer) : ILoggerProvider
{
    private readonly object _gate = new();

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, writer, _gate);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private sealed class Logger(string category, TextWriter writer, object gate) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var shortCategory = category[(category.LastIndexOf('.') + 1)..];
            lock (gate)
            {
                writer.WriteLine($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {logLevel,-11} {shortCategory}: {formatter(state, exception)}");
            }
        }
    }
}
