using System.Net;
using ChangeGuard.Sae.Configuration;
using ChangeGuard.Sae.Errors;
using ChangeGuard.Testing.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Polly;
using Polly.Retry;

namespace ChangeGuard.Sae.Tests.Client;

/// <summary>
/// The read retries on their own, without HTTP: which failures are tried again, how long each wait is, that the wait
/// runs on the container's clock and that each retry is logged.
/// </summary>
public sealed class SaeReadPipelineTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(SaeErrorKind.Throttled, 3)]
    [InlineData(SaeErrorKind.Transient, 3)]
    [InlineData(SaeErrorKind.NotFound, 1)]
    [InlineData(SaeErrorKind.PermissionDenied, 1)]
    [InlineData(SaeErrorKind.InvalidParameter, 1)]
    [InlineData(SaeErrorKind.ChangeInProgress, 1)]
    [InlineData(SaeErrorKind.Other, 1)]
    public async Task ReadPipeline_AlwaysFailing_TriesOnlyRetryableKindsAgain(SaeErrorKind kind, int expectedCalls)
    {
        // Arrange
        var pipeline = SaeRequestSender.ReadPipeline(Options(attempts: 3, baseDelay: TimeSpan.Zero), _time, NullLogger.Instance);
        var calls = 0;

        // Act
        var error = await Assert.ThrowsAsync<SaeException>(() => pipeline.ExecuteAsync(
            _ =>
            {
                calls++;
                return ValueTask.FromException<string>(Failure(kind));
            },
            CancellationToken.None).AsTask());

        // Assert
        Assert.Equal(kind, error.Kind);
        Assert.Equal(expectedCalls, calls);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public async Task ReadPipeline_AlwaysTransient_StopsAfterMaxReadAttempts(int attempts)
    {
        // Arrange
        var pipeline = SaeRequestSender.ReadPipeline(Options(attempts, baseDelay: TimeSpan.Zero), _time, NullLogger.Instance);
        var calls = 0;

        // Act
        await Assert.ThrowsAsync<SaeException>(() => pipeline.ExecuteAsync(
            _ =>
            {
                calls++;
                return ValueTask.FromException<string>(Failure(SaeErrorKind.Transient));
            },
            CancellationToken.None).AsTask());

        // Assert
        Assert.Equal(attempts, calls);
    }

    [Fact]
    public async Task ReadPipeline_RetryAfterGiven_WaitsItOnTheTimeProvider()
    {
        // Arrange
        var pipeline = SaeRequestSender.ReadPipeline(Options(attempts: 2), _time, NullLogger.Instance);
        var calls = 0;
        var run = pipeline.ExecuteAsync(
            _ => ++calls == 1 ? ValueTask.FromException<string>(Failure(SaeErrorKind.Throttled, TimeSpan.FromSeconds(2))) : ValueTask.FromResult("order"),
            CancellationToken.None).AsTask();

        // Act
        _time.Advance(TimeSpan.FromMilliseconds(1999));
        var callsBeforeRetryAfter = calls;
        _time.Advance(TimeSpan.FromMilliseconds(1));
        var result = await run;

        // Assert
        Assert.Equal(1, callsBeforeRetryAfter);
        Assert.Equal(2, calls);
        Assert.Equal("order", result);
    }

    [Fact]
    public async Task ReadPipeline_CancelledWhileWaiting_ThrowsWithoutAnotherAttempt()
    {
        // Arrange
        var pipeline = SaeRequestSender.ReadPipeline(Options(attempts: 3), _time, NullLogger.Instance);
        using var cancellation = new CancellationTokenSource();
        var calls = 0;
        var run = pipeline.ExecuteAsync(
            _ =>
            {
                calls++;
                return ValueTask.FromException<string>(Failure(SaeErrorKind.Throttled, TimeSpan.FromSeconds(2)));
            },
            cancellation.Token).AsTask();

        // Act
        await cancellation.CancelAsync();

        // Assert
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task ReadPipeline_Retrying_LogsAttemptKindAndWait()
    {
        // Arrange: jitter 1 draws the top of each ceiling, 100 ms then 200 ms.
        using var logs = new CapturingLoggerProvider();
        var pipeline = SaeRequestSender.ReadPipeline(Options(attempts: 3), _time, logs.CreateLogger("sae"), jitter: () => 1.0);
        var run = pipeline.ExecuteAsync(
            _ => ValueTask.FromException<string>(Failure(SaeErrorKind.Transient)),
            CancellationToken.None).AsTask();

        // Act
        for (var step = 0; step < 100 && !run.IsCompleted; step++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Yield();
        }

        await Assert.ThrowsAsync<SaeException>(() => run);

        // Assert
        var retries = logs.Lines.Where(line => line.Contains("is retried", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, retries.Length);
        Assert.Contains("SAE DescribeChangeOrder is retried after Transient (attempt 1 of 3, waiting 100 ms)", retries[0], StringComparison.Ordinal);
        Assert.Contains("SAE DescribeChangeOrder is retried after Transient (attempt 2 of 3, waiting 200 ms)", retries[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, 2)]
    [InlineData(60, 5)]
    public void RetryDelay_RetryAfterGiven_UsesItCappedByMaximum(int retryAfterSeconds, int expectedSeconds)
    {
        // Arrange
        var options = new SaeClientOptions { MaxRetryDelay = TimeSpan.FromSeconds(5) };
        var failed = FailedAttempt(0, Failure(SaeErrorKind.Throttled, TimeSpan.FromSeconds(retryAfterSeconds)));

        // Act
        var delay = SaeRequestSender.RetryDelay(failed, options, jitter: 0.0);

        // Assert
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), delay);
    }

    [Theory]
    [InlineData(0, 0.0, 100)]
    [InlineData(0, 1.0, 200)]
    [InlineData(1, 1.0, 400)]
    [InlineData(2, 0.0, 400)]
    [InlineData(9, 1.0, 1000)]
    public void RetryDelay_NoRetryAfter_IsJitteredExponentialBackoff(int attemptNumber, double jitter, double expectedMs)
    {
        // Arrange: Polly numbers attempts from 0, so attempt 0 is the wait after the first failure.
        var options = new SaeClientOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(200), MaxRetryDelay = TimeSpan.FromSeconds(1) };
        var failed = FailedAttempt(attemptNumber, Failure(SaeErrorKind.Transient));

        // Act
        var delay = SaeRequestSender.RetryDelay(failed, options, jitter);

        // Assert
        Assert.Equal(expectedMs, delay.TotalMilliseconds, precision: 3);
    }

    private static SaeClientOptions Options(int attempts, TimeSpan? baseDelay = null) => new()
    {
        MaxReadAttempts = attempts,
        RetryBaseDelay = baseDelay ?? TimeSpan.FromMilliseconds(100),
        MaxRetryDelay = TimeSpan.FromSeconds(5),
    };

    private static SaeException Failure(SaeErrorKind kind, TimeSpan? retryAfter = null) =>
        new("DescribeChangeOrder", kind, HttpStatusCode.ServiceUnavailable, "Test.Failure", "failed", "r-1", retryAfter: retryAfter);

    private static RetryDelayGeneratorArguments<object> FailedAttempt(int attemptNumber, SaeException failure) =>
        new(ResilienceContextPool.Shared.Get(), Outcome.FromException<object>(failure), attemptNumber);
}
