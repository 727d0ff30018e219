using ChangeGuard.Domain.Measurements;
using ChangeGuard.Notifications.Delivery;
using ChangeGuard.Watching.Activities;
using ChangeGuard.Watching.Orchestration;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Moq.Protected;

namespace ChangeGuard.Watching.Tests.Orchestration;

/// <summary>
/// A Moq'd <see cref="TaskOrchestrationContext"/> for orchestrator branch tests: activities answer from queues,
/// timers fire at once and move the clock, external events never arrive unless a test completes them. Notifications
/// answer through <see cref="NotifyAnswer"/> (sent, by default); every activity call is recorded in order in
/// <see cref="Calls"/>.
/// </summary>
internal sealed class OrchestrationContextMock
{
    private readonly Queue<SaeMeasurement> _reads = new();
    private readonly Queue<AbortAttempt> _aborts = new();
    private readonly Queue<PromotionAttempt> _promotions = new();
    private readonly Queue<ManualCommand> _promoteCommands = new();
    private TaskCompletionSource<ManualCommand>? _promoteNow;
    private readonly Queue<ConfirmAbortResult> _confirms = new();
    private readonly Queue<ReadSignalsResult> _signals = new();
    private DateTime _now = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
    private int _guids;

    public OrchestrationContextMock()
    {
        Mock = new Mock<TaskOrchestrationContext> { CallBase = true };
        Mock.SetupGet(c => c.CurrentUtcDateTime).Returns(() => _now);
        Mock.SetupGet(c => c.IsReplaying).Returns(false);
        Mock.SetupGet(c => c.InstanceId).Returns("watch-co-1");
        Mock.Protected().SetupGet<ILoggerFactory>("LoggerFactory").Returns(NullLoggerFactory.Instance);
        Mock.Setup(c => c.NewGuid()).Returns(() => new Guid(++_guids, 0, 0, new byte[8]));
        Mock.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
            .Returns((DateTime fireAt, CancellationToken _) =>
            {
                Timers.Add(fireAt);
                if (WholeSecondTimers)
                {
                    // As Azure Storage keeps a timer message hidden: whole seconds of the delay, then a little processing.
                    _now += TimeSpan.FromSeconds(Math.Floor(Math.Max(0, (fireAt - _now).TotalSeconds))) + TimeSpan.FromMilliseconds(40);
                }
                else if (fireAt > _now)
                {
                    _now = fireAt;
                }

                return Task.CompletedTask;
            });
        Mock.Setup(c => c.WaitForExternalEvent<ManualCommand>(WatchEvents.AbortNow, It.IsAny<CancellationToken>())).Returns(AbortNow.Task);
        Mock.Setup(c => c.WaitForExternalEvent<ManualCommand>(WatchEvents.StopWatching, It.IsAny<CancellationToken>())).Returns(Stop.Task);
        Mock.Setup(c => c.WaitForExternalEvent<ManualCommand>(WatchEvents.PromoteNow, It.IsAny<CancellationToken>())).Returns(() =>
        {
            // A fired promotion's waiter is made again by the orchestration: each new one takes the next command.
            _promoteNow = new TaskCompletionSource<ManualCommand>();
            if (_promoteCommands.Count > 0)
            {
                _promoteNow.SetResult(_promoteCommands.Dequeue());
            }

            return _promoteNow.Task;
        });
        Mock.Setup(c => c.SetCustomStatus(It.IsAny<object?>())).Callback((object? status) => Statuses.Add((WatchProgress)status!));
        Mock.Setup(c => c.ContinueAsNew(It.IsAny<object?>(), It.IsAny<bool>())).Callback((object? input, bool _) => ContinuedWith = (WatchInput?)input);
        Mock.Setup(c => c.CallActivityAsync<ReadHealthResult>(It.Is<TaskName>(n => n.Name == nameof(ReadHealthActivity)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns(() => Called(nameof(ReadHealthActivity), new ReadHealthResult(_reads.Count > 0 ? _reads.Dequeue() : throw new InvalidOperationException("no more reads queued"))));
        Mock.Setup(c => c.CallActivityAsync<AbortChangeOrderResult>(It.Is<TaskName>(n => n.Name == nameof(AbortChangeOrderActivity)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns(() => Called(nameof(AbortChangeOrderActivity), new AbortChangeOrderResult(_aborts.Count > 0 ? _aborts.Dequeue() : throw new InvalidOperationException("no more aborts queued"))));
        Mock.Setup(c => c.CallActivityAsync<ConfirmAbortResult>(It.Is<TaskName>(n => n.Name == nameof(ConfirmAbortActivity)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns(() => Called(nameof(ConfirmAbortActivity), _confirms.Count > 0 ? _confirms.Dequeue() : throw new InvalidOperationException("no more confirmations queued")));
        Mock.Setup(c => c.CallActivityAsync<PromoteBatchResult>(It.Is<TaskName>(n => n.Name == nameof(PromoteBatchActivity)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns(() => Called(nameof(PromoteBatchActivity), new PromoteBatchResult(_promotions.Count > 0 ? _promotions.Dequeue() : throw new InvalidOperationException("no more promotions queued"))));
        Mock.Setup(c => c.CallActivityAsync<ReadSignalsResult>(It.Is<TaskName>(n => n.Name == nameof(ReadSignalsActivity)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns((TaskName _, object? input, TaskOptions? _) =>
            {
                SignalRequests.Add((ReadSignalsRequest)input!);
                return Called(nameof(ReadSignalsActivity), _signals.Count > 0 ? _signals.Dequeue() : throw new InvalidOperationException("no more signal readings queued"));
            });
        Mock.Setup(c => c.CallActivityAsync<NotifyResult>(It.Is<TaskName>(n => n.Name == nameof(NotifyActivity)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns((TaskName _, object? input, TaskOptions? _) =>
            {
                var request = (NotifyRequest)input!;
                Calls.Add($"{nameof(NotifyActivity)}:{request.Event.Type}:{request.Channel}");
                Notifications.Add(request);
                return NotifyAnswer(request);
            });
    }

    /// <summary>The activities called, in order; notifications as <c>NotifyActivity:{type}:{channel}</c>.</summary>
    public List<string> Calls { get; } = [];

    /// <summary>Every notification the orchestration scheduled.</summary>
    public List<NotifyRequest> Notifications { get; } = [];

    /// <summary>How a notification answers; sent at once unless a test says otherwise.</summary>
    public Func<NotifyRequest, Task<NotifyResult>> NotifyAnswer { get; set; } = _ => Task.FromResult(new NotifyResult(NotifyStatus.Sent, 1, "http 200"));

    /// <summary>Every signal read the orchestration asked for.</summary>
    public List<ReadSignalsRequest> SignalRequests { get; } = [];

    public Mock<TaskOrchestrationContext> Mock { get; }

    public TaskOrchestrationContext Object => Mock.Object;

    public TaskCompletionSource<ManualCommand> AbortNow { get; } = new();

    public TaskCompletionSource<ManualCommand> Stop { get; } = new();

    /// <summary>Raises a person's promotion to the waiter the orchestration holds now.</summary>
    public void PromoteNow(ManualCommand command)
    {
        if (_promoteNow is { Task.IsCompleted: false } waiter)
        {
            waiter.SetResult(command);
        }
        else
        {
            _promoteCommands.Enqueue(command);
        }
    }

    public List<DateTime> Timers { get; } = [];

    /// <summary>Timers fire after the whole seconds of their delay, as Azure Storage's do, instead of on time.</summary>
    public bool WholeSecondTimers { get; set; }

    public List<WatchProgress> Statuses { get; } = [];

    public WatchInput? ContinuedWith { get; private set; }

    public DateTime Now => _now;

    public OrchestrationContextMock Reads(params SaeMeasurement[] reads)
    {
        foreach (var read in reads)
        {
            _reads.Enqueue(read);
        }

        return this;
    }

    public OrchestrationContextMock Aborts(params AbortAttempt[] attempts)
    {
        foreach (var attempt in attempts)
        {
            _aborts.Enqueue(attempt);
        }

        return this;
    }

    public OrchestrationContextMock Confirms(params ConfirmAbortResult[] reads)
    {
        foreach (var read in reads)
        {
            _confirms.Enqueue(read);
        }

        return this;
    }

    public OrchestrationContextMock Promotes(params PromotionAttempt[] attempts)
    {
        foreach (var attempt in attempts)
        {
            _promotions.Enqueue(attempt);
        }

        return this;
    }

    public OrchestrationContextMock Signals(params ReadSignalsResult[] reads)
    {
        foreach (var read in reads)
        {
            _signals.Enqueue(read);
        }

        return this;
    }

    private Task<T> Called<T>(string name, T result)
    {
        Calls.Add(name);
        return Task.FromResult(result);
    }

    public void VerifyActivity(string name, Times times) =>
        Mock.Verify(c => c.CallActivityAsync<AbortChangeOrderResult>(It.Is<TaskName>(n => n.Name == name), It.IsAny<object?>(), It.IsAny<TaskOptions?>()), times);
}
