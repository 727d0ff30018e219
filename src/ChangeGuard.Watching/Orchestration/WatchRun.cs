using ChangeGuard.Domain;
using ChangeGuard.Domain.Assessment;
using ChangeGuard.Domain.Health;
using ChangeGuard.Domain.Json;
using ChangeGuard.Domain.Measurements;
using ChangeGuard.Domain.Policies;
using ChangeGuard.Domain.Telemetry;
using ChangeGuard.Notifications;
using ChangeGuard.Notifications.Delivery;
using ChangeGuard.Watching.Activities;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

// The logger field is created by context.CreateReplaySafeLogger in the constructor; the analyzer cannot follow a
// field, so it is told here that this logger is the replay-safe one.
#pragma warning disable DURABLE0010

namespace ChangeGuard.Watching.Orchestration;

/// <summary>
/// One execution (generation) of a watch: the poll loop, manual commands, promotions, the abort and its confirmation, and the
/// notifications about them. Notifications never hold up the watch: breach and start events are scheduled and
/// collected later, and the events that end a watch are sent once the abort has run, with a bounded wait.
/// </summary>
internal sealed partial class WatchRun
{
    /// <summary>
    /// How long the end of a watch waits for its notifications: longer than the longest delivery
    /// (<c>ChangeGuard:Notifications:DeliveryTimeout</c> is at most 5 minutes), so it only matters if an activity is lost.
    /// </summary>
    internal static readonly TimeSpan NotificationWait = TimeSpan.FromMinutes(6);

    private readonly TaskOrchestrationContext _context;
    private readonly WatchInput _input;
    private readonly IReadOnlyList<JudgedMeasure> _measures;
    private readonly ILogger _logger;
    private readonly Task<ManualCommand> _abortNow;
    private readonly Task<ManualCommand> _stop;
    private readonly Task _anyCommand;
    private Task<ManualCommand> _promoteNow;
    private readonly DateTimeOffset _startedAt;
    private readonly WatchContext _watch;
    private readonly List<PendingNotification> _pending = [];
    private WatchState _state;

    public WatchRun(TaskOrchestrationContext context, WatchInput input)
    {
        _context = context;
        _input = input;
        _logger = context.CreateReplaySafeLogger<WatchOrchestrator>();
        _startedAt = input.StartedAt ?? Now;
        _state = input.State ?? WatchState.Initial;
        _watch = new WatchContext(input.Target, input.Policy, _startedAt);
        _measures = JudgedMeasure.For(input.Policy);

        // One waiter per event per generation, raced against timers and activities; never re-created per poll.
        _abortNow = context.WaitForExternalEvent<ManualCommand>(WatchEvents.AbortNow);
        _stop = context.WaitForExternalEvent<ManualCommand>(WatchEvents.StopWatching);
        _anyCommand = Task.WhenAny(_abortNow, _stop);

        // A promotion does not end the watch: it is taken between polls, and its waiter made again once it fired.
        _promoteNow = context.WaitForExternalEvent<ManualCommand>(WatchEvents.PromoteNow);
    }

    private DateTimeOffset Now => new(DateTime.SpecifyKind(_context.CurrentUtcDateTime, DateTimeKind.Utc));

    private WatchTarget Target => _input.Target;

    private WatchPolicy Policy => _input.Policy;

    public async Task<WatchResult> ExecuteAsync()
    {
        if (await WatchAsync() is { } result)
        {
            return await AnnounceEndAsync(result);
        }

        // A promotion that arrived after the last wait is taken before the next generation, which would not see it.
        if (_promoteNow.IsCompleted)
        {
            await PromoteNowAsync();
        }

        // Notifications still in flight are delivered but not awaited: waiting would delay the next poll.
        await CollectSettledNotificationsAsync();
        _context.ContinueAsNew(_input with { StartedAt = _startedAt, State = _state with { Generation = _state.Generation + 1 } });
        return null!;
    }

    private async Task<WatchResult?> WatchAsync()
    {
        if (_input.State is null)
        {
            LogStarted(_logger, Target.ChangeOrderId, Target.AppId, Target.RegionId, Policy.DryRun);
            Announce(WatchEventType.WatchStarted,
                $"watching{(_input.RequestedBy is null ? string.Empty : " for " + _input.RequestedBy)}: polls every {DurationFormat.Format(Policy.PollInterval)}, " +
                $"aborts after {Policy.FailureLimit} breach(es) in a row or after {DurationFormat.Format(Policy.Timeout)}{(Policy.DryRun ? " (dry run: never aborts)" : string.Empty)}",
                []);
            if (_input.AbortReason is { } reason)
            {
                return await AbortAsync(reason, [], _input.RequestedBy);
            }

            if (Policy.InitialDelay > TimeSpan.Zero)
            {
                SetStatus(WatchPhase.Starting, Now + Policy.InitialDelay);
                if (await DelayAsync(Now + Policy.InitialDelay) is { } ended)
                {
                    return ended;
                }
            }
        }

        for (var poll = 0; poll < _input.PollsPerGeneration; poll++)
        {
            // Read, assess, act, wait: every rule is the assessor's; this loop only sequences I/O and timers.
            var plan = Assessor.Plan(_watch, _state, Now);
            if (plan.TimedOut)
            {
                return await AbortAsync(plan.Reason, plan.Evidence, null);
            }

            await CollectSettledNotificationsAsync();
            SetStatus(WatchPhase.Watching, null);
            var read = _context.CallActivityAsync<ReadHealthResult>(nameof(ReadHealthActivity),
                new ReadHealthRequest(Target.RegionId, Target.AppId, Target.ChangeOrderId, _state.GroupId, Policy.PollInterval, plan.Elevated,
                    plan.ReadOrder, _state.Order, _state.CountsAtOrderRead, plan.OrderEveryPoll));
            if (await Task.WhenAny(read, _anyCommand) == _anyCommand || _anyCommand.IsCompleted)
            {
                return await HandleCommandAsync();
            }

            var sae = (await read).Measurement;
            IReadOnlyList<SignalMeasurement>? signals = null;
            if (Assessor.SignalsDue(_watch, _state, sae, Now))
            {
                var measuring = ReadSignalsAsync(sae.Snapshot?.Order.AppName ?? _state.AppName);
                if (await Task.WhenAny(measuring, _anyCommand) == _anyCommand || _anyCommand.IsCompleted)
                {
                    return await HandleCommandAsync();
                }

                signals = await measuring;
            }

            var assessment = Assessor.Assess(_watch, _state, new PollMeasurements(sae, signals), Now);
            if (await ActAsync(assessment) is { } ended)
            {
                return ended;
            }

            var nextPoll = assessment.NextPollAt ?? Now + Policy.PollInterval;

            // While the call budget holds SAE back, the signals (no SAE call) are read at the policy's interval; each
            // counts as a poll of this generation, so history stays bounded.
            while (poll + 1 < _input.PollsPerGeneration && Assessor.NextSignalPoll(_watch, _state, nextPoll, Now) is { } signalAt)
            {
                poll++;
                SetStatus(WatchPhase.Watching, signalAt);
                if (await DelayAsync(signalAt) is { } interrupted)
                {
                    return interrupted;
                }

                var measuring = ReadSignalsAsync(_state.AppName);
                if (await Task.WhenAny(measuring, _anyCommand) == _anyCommand || _anyCommand.IsCompleted)
                {
                    return await HandleCommandAsync();
                }

                if (await ActAsync(Assessor.AssessSignals(_watch, _state, await measuring, Now)) is { } signalled)
                {
                    return signalled;
                }
            }

            SetStatus(WatchPhase.Watching, nextPoll);
            if (await DelayAsync(nextPoll) is { } result)
            {
                return result;
            }
        }

        return null;
    }

    private async Task<IReadOnlyList<SignalMeasurement>> ReadSignalsAsync(string? appName)
    {
        var request = new ReadSignalsRequest(new SignalContext(Target.RegionId, Target.AppId, Target.ChangeOrderId, appName), Policy.Signals);
        try
        {
            return (await _context.CallActivityAsync<ReadSignalsResult>(nameof(ReadSignalsActivity), request)).Measured;
        }
        catch (TaskFailedException)
        {
            // The activity answers every source's failure as data; this is the worker failing it.
            return Policy.Signals.Select(s => SignalMeasurement.Failed(s.Name, MeasurementError.Transient("the signal activity failed"))).ToArray();
        }
    }

    /// <summary>Takes a poll's assessment: records it, aborts, finishes or stops as it says, announces counted breaches.</summary>
    private async Task<WatchResult?> ActAsync(PollAssessment assessment)
    {
        _state = assessment.State;
        var decision = assessment.Decision;
        LogPoll(_logger, Target.ChangeOrderId, decision.Poll, decision.Verdict, decision.Reason, decision.ActionText);
        if (!_context.IsReplaying)
        {
            // Counted once: a replay re-runs this code for polls already counted.
            ChangeGuardTelemetry.Polls.Add(1, new KeyValuePair<string, object?>("verdict", decision.Verdict.ToString()));
        }

        var step = assessment.Step;
        switch (step.Action)
        {
            case WatchAction.Abort:
                return await AbortAsync(step.Reason, step.Evidence, null);
            case WatchAction.Finish or WatchAction.Stop:
                return Finish(step.Outcome ?? WatchOutcome.Stopped, step.Reason, step.Evidence, finalStatus: step.FinalStatus);
            case WatchAction.Promote when step.Promotion is { } promotion:
                await PromoteAsync(promotion, step, null, null);
                return null;
        }

        if (assessment.CountedBreaches.Count > 0)
        {
            var reason = assessment.Instances.Kind == VerdictKind.Breach
                ? $"{assessment.Instances.Reason} (breach {_state.ConsecutiveBreaches} of {Policy.FailureLimit})"
                : decision.Reason;
            Announce(WatchEventType.BreachCounted, reason, assessment.CountedBreaches);
        }

        return null;
    }

    /// <summary>
    /// Confirms the batch the gate (or a person, <paramref name="who"/>) chose (a dry run calls nothing), records the
    /// answer and announces a promotion. A gate's confirm that could not be made is tried again by a later poll's gate;
    /// the watch goes on polling either way.
    /// </summary>
    private async Task PromoteAsync(BatchPromotion promotion, WatchStep step, string? requestedBy, string? who)
    {
        PromotionAttempt? attempt = null;
        if (!Policy.DryRun)
        {
            try
            {
                attempt = (await _context.CallActivityAsync<PromoteBatchResult>(nameof(PromoteBatchActivity),
                    new PromoteBatchRequest(Target.RegionId, Target.ChangeOrderId, promotion.PipelineId, promotion.Batch))).Attempt;
            }
            catch (TaskFailedException)
            {
                // The activity answers SAE's failures as data; this is the worker failing it. The next poll reads first.
                attempt = new PromotionAttempt(PromotionAnswer.Retry, null, null, new SaeFailure("ChangeGuard.ActivityFailed", "the promote activity failed", null, null), null, 0);
            }
        }

        var judged = Assessor.JudgePromotion(_state, promotion, attempt, Now, who);
        _state = judged.State;
        if (judged.Result is not { } result)
        {
            return;
        }

        if (!_context.IsReplaying)
        {
            ChangeGuardTelemetry.Promotions.Add(1, new KeyValuePair<string, object?>("result", result.ToString()));
        }

        if (result is PromotionResult.Confirmed or PromotionResult.WouldPromote)
        {
            Announce(result == PromotionResult.Confirmed ? WatchEventType.BatchPromoted : WatchEventType.DryRunWouldPromote,
                who is null ? $"{step.Reason}; {judged.Reason}" : judged.Reason, step.Evidence, requestedBy: requestedBy);
        }
    }

    private async Task<WatchResult?> DelayAsync(DateTimeOffset fireAt)
    {
        using var cancel = new CancellationTokenSource();
        var timer = PunctualTimer.WaitUntilAsync(_context, fireAt.UtcDateTime, cancel.Token);
        while (true)
        {
            await Task.WhenAny(timer, _anyCommand, _promoteNow);
            if (_anyCommand.IsCompleted)
            {
                // A command that arrived by the time the timer fired wins too: it was raised before this poll.
                cancel.Cancel();
                return await HandleCommandAsync();
            }

            if (!_promoteNow.IsCompleted)
            {
                return null;
            }

            // A person's promotion, then the rest of the wait (none if the timer fired meanwhile).
            await PromoteNowAsync();
        }
    }

    /// <summary>
    /// A person's promotion: the batch the order waits for (or the next one, while a batch of a manual release runs)
    /// is confirmed now, without a bake or the last-batch limit; a dry run calls nothing. The watch goes on.
    /// </summary>
    private async Task PromoteNowAsync()
    {
        var command = await _promoteNow;
        _promoteNow = _context.WaitForExternalEvent<ManualCommand>(WatchEvents.PromoteNow);
        var who = $"manual promote{(command.RequestedBy is null ? string.Empty : " by " + command.RequestedBy)}{(string.IsNullOrWhiteSpace(command.Reason) ? string.Empty : " (" + command.Reason + ")")}";
        if (Assessor.ManualPromotion(_state) is not { } target)
        {
            var status = _state.Order is { } order ? $"status {(int)order.Status}" : "not read yet";
            Record(_state.LastVerdict ?? VerdictKind.Healthy, $"{who}: the change order is not known to be a manual release with a batch to start ({status})",
                WatchAction.PromoteFailed, "nothing to promote");
            return;
        }

        await PromoteAsync(target, new WatchStep(WatchAction.Promote, who, [], Promotion: target), command.RequestedBy, who);
    }

    private async Task<WatchResult> HandleCommandAsync()
    {
        if (_abortNow.IsCompleted)
        {
            var command = await _abortNow;
            var reason = $"manual abort{(command.RequestedBy is null ? string.Empty : " by " + command.RequestedBy)}{(string.IsNullOrWhiteSpace(command.Reason) ? string.Empty : ": " + command.Reason)}";
            Record(VerdictKind.Breach, reason, WatchAction.Abort, "abort (manual)");
            return await AbortAsync(reason, [], command.RequestedBy);
        }

        var stop = await _stop;
        var why = $"stopped{(stop.RequestedBy is null ? string.Empty : " by " + stop.RequestedBy)}{(string.IsNullOrWhiteSpace(stop.Reason) ? string.Empty : ": " + stop.Reason)}";
        Record(_state.LastVerdict ?? VerdictKind.Healthy, why, WatchAction.Stop, "stop watching");
        return Finish(WatchOutcome.Stopped, why, [], requestedBy: stop.RequestedBy);
    }

    private async Task<WatchResult> AbortAsync(string reason, IReadOnlyList<Evidence> evidence, string? requestedBy)
    {
        if (Policy.DryRun)
        {
            return Finish(WatchOutcome.DryRunWouldAbort, reason, evidence, requestedBy: requestedBy);
        }

        SetStatus(WatchPhase.Aborting, null);
        var deadline = Now + Policy.AbortDeadline;
        AbortAttempt? last = null;
        var attempt = 0;
        while (attempt < Policy.MaxAbortAttempts)
        {
            attempt++;
            last = (await _context.CallActivityAsync<AbortChangeOrderResult>(nameof(AbortChangeOrderActivity),
                new AbortChangeOrderRequest(Target.RegionId, Target.ChangeOrderId, Policy.Rollback, attempt))).Attempt;
            _state = _state with { SaeCalls = _state.SaeCalls + last.SaeCalls };

            switch (Assessor.JudgeAbort(last))
            {
                case AbortVerdict.Accepted:
                    Record(VerdictKind.Breach, reason, WatchAction.AbortAccepted, $"abort accepted (attempt {attempt})");
                    return await ConfirmAsync(reason, evidence, requestedBy, last.RequestId);
                case AbortVerdict.Applied:
                    Record(VerdictKind.Breach, $"abort attempt {attempt} answered {Answer(last)}; the order reads terminated (status 6)", WatchAction.AbortApplied, $"abort applied (attempt {attempt})");
                    return Finish(WatchOutcome.Aborted, reason, evidence, finalStatus: ChangeOrderStatus.Aborted, confirmed: true, abortRequestId: last.RequestId, requestedBy: requestedBy);
                case AbortVerdict.AlreadyEnded:
                    var status = last.OrderStatus!.Value;
                    Record(VerdictKind.EndedOtherwise, $"abort attempt {attempt} answered {Answer(last)}; the order had ended with status {(int)status}", WatchAction.Finish, "finish");
                    return Finish(WatchOutcome.AlreadyEnded, $"{reason}; but the change order had already ended (status {(int)status} {status})", evidence,
                        finalStatus: status, requestedBy: requestedBy);
                case AbortVerdict.Refused:
                    Record(VerdictKind.Breach, $"abort refused: {last.Failure}", WatchAction.AbortFailed, "abort failed");
                    return Finish(WatchOutcome.AbortFailed, reason, evidence, errorCode: last.Failure?.Code, errorMessage: last.Failure?.Message, requestedBy: requestedBy);
            }

            var delay = AbortBackoff.Delay(attempt, Jitter(), last.Failure?.RetryAfter, Policy.PollInterval);
            if (attempt >= Policy.MaxAbortAttempts || Now + delay > deadline)
            {
                break;
            }

            Record(VerdictKind.Breach, $"abort attempt {attempt} answered {Answer(last)}", WatchAction.AbortRetry, $"retry in {DurationFormat.Rounded(delay)}");
            SetStatus(WatchPhase.Aborting, Now + delay);
            await PunctualTimer.WaitUntilAsync(_context, (Now + delay).UtcDateTime, CancellationToken.None);
        }

        var code = last?.Failure?.Code ?? "ChangeGuard.AbortDeadline";
        var message = $"gave up after {attempt} attempt(s) within {DurationFormat.Format(Policy.AbortDeadline)}: {last?.Failure?.Message ?? "the order stayed running"}";
        Record(VerdictKind.Breach, message, WatchAction.AbortFailed, "abort failed");
        return Finish(WatchOutcome.AbortFailed, reason, evidence, errorCode: code, errorMessage: message, requestedBy: requestedBy);
    }

    /// <summary>An attempt's answer for the timeline, with the order's status when it was read.</summary>
    private static string Answer(AbortAttempt attempt)
    {
        var answer = attempt.Failure?.ToString() ?? attempt.Answer.ToString();
        return attempt.Answer is AbortAnswer.NotRunning or AbortAnswer.Unclear
            ? $"{answer} (order {(attempt.OrderStatus is { } status ? $"status {(int)status}" : "unreadable")})"
            : answer;
    }

    private async Task<WatchResult> ConfirmAsync(string reason, IReadOnlyList<Evidence> evidence, string? requestedBy, string? requestId)
    {
        var deadline = Now + Policy.AbortConfirmTimeout;
        var interval = Policy.PollInterval < TimeSpan.FromSeconds(5) ? Policy.PollInterval : TimeSpan.FromSeconds(5);
        var checks = (int)Math.Ceiling(Policy.AbortConfirmTimeout / interval) + 1;
        ConfirmAbortResult? read = null;
        for (var check = 0; check < checks; check++)
        {
            SetStatus(WatchPhase.ConfirmingAbort, null);
            read = await _context.CallActivityAsync<ConfirmAbortResult>(nameof(ConfirmAbortActivity),
                new ConfirmAbortRequest(Target.RegionId, Target.ChangeOrderId));
            _state = _state with { SaeCalls = _state.SaeCalls + 1 };
            if (read.Status is { } status && status.IsTerminal())
            {
                return Finish(WatchOutcome.Aborted, reason, evidence, finalStatus: status, confirmed: true, abortRequestId: requestId, requestedBy: requestedBy);
            }

            if (Now + interval > deadline)
            {
                break;
            }

            await PunctualTimer.WaitUntilAsync(_context, (Now + interval).UtcDateTime, CancellationToken.None);
        }

        var note = $"{reason}; the abort was accepted but the order did not reach a terminal status within {DurationFormat.Format(Policy.AbortConfirmTimeout)}";
        return Finish(WatchOutcome.Aborted, note, evidence, finalStatus: read?.Status, confirmed: false, abortRequestId: requestId, requestedBy: requestedBy);
    }

    private WatchResult Finish(
        WatchOutcome outcome,
        string reason,
        IReadOnlyList<Evidence> evidence,
        ChangeOrderStatus? finalStatus = null,
        bool? confirmed = null,
        string? errorCode = null,
        string? errorMessage = null,
        string? abortRequestId = null,
        string? requestedBy = null)
    {
        SetStatus(WatchPhase.Ended, null);
        LogEnded(_logger, Target.ChangeOrderId, outcome, reason);
        if (!_context.IsReplaying)
        {
            ChangeGuardTelemetry.WatchesEnded.Add(1, new KeyValuePair<string, object?>("outcome", outcome.ToString()));
        }
        return new WatchResult
        {
            Outcome = outcome,
            Target = Target,
            Reason = reason,
            Evidence = evidence,
            FinalStatus = finalStatus,
            AbortConfirmed = confirmed,
            ErrorCode = errorCode,
            ErrorMessage = errorMessage,
            AbortRequestId = abortRequestId,
            RequestedBy = requestedBy,
            Polls = _state.Polls,
            SaeCalls = _state.SaeCalls,
            StartedAt = _startedAt,
            EndedAt = Now,
            Timeline = _state.Decisions,
            Promotions = _state.Promotions,
        };
    }

    /// <summary>
    /// Raises an event to the watch's channels that want it: one <c>NotifyActivity</c> per channel, scheduled and not
    /// awaited here. The sequence comes from the state, so replays raise the same ids.
    /// </summary>
    private void Announce(WatchEventType type, string reason, IReadOnlyList<Evidence> evidence, WatchOutcome? outcome = null, string? requestedBy = null)
    {
        var severity = EventSeverity.Of(type, outcome);
        var channels = (_input.Notify ?? []).Where(s => s.Wants(type, severity)).ToArray();
        if (channels.Length == 0)
        {
            return;
        }

        _state = _state with { Notifications = _state.Notifications + 1 };
        var watchEvent = new WatchEvent
        {
            EventId = WatchEvent.IdFor(_context.InstanceId, type, $"{_startedAt.ToUnixTimeSeconds()}-{_state.Notifications}"),
            Type = type,
            Severity = severity,
            OccurredAt = Now,
            RegionId = Target.RegionId,
            AppId = Target.AppId,
            AppName = _state.AppName,
            ChangeOrderId = Target.ChangeOrderId,
            Batch = _state.Batch,
            BatchCount = _state.BatchCount,
            Verdict = _state.Decisions.Count > 0 ? _state.Decisions[^1].Verdict : _state.LastVerdict,
            Outcome = outcome,
            Reason = reason,
            Evidence = evidence,
            WatchStartedAt = _startedAt,
            Timeline = _state.Decisions.TakeLast(WatchEvent.TimelineKept).ToArray(),
            RequestedBy = requestedBy,
        };
        foreach (var channel in channels)
        {
            _pending.Add(new PendingNotification(channel.Channel, watchEvent, NotifyAsync(new NotifyRequest(watchEvent, channel.Channel))));
        }
    }

    private async Task<NotifyResult> NotifyAsync(NotifyRequest request)
    {
        try
        {
            return await _context.CallActivityAsync<NotifyResult>(nameof(NotifyActivity), request);
        }
        catch (TaskFailedException)
        {
            // The activity answers channel failures as data; this is the worker failing it (or it throwing a bug).
            return new NotifyResult(NotifyStatus.Failed, 0, "activity failed");
        }
    }

    /// <summary>
    /// Sends the event that ends the watch, after the abort has run, and waits for every delivery still in flight
    /// (bounded by <see cref="NotificationWait"/>); each failure is recorded in the timeline of the result.
    /// </summary>
    private async Task<WatchResult> AnnounceEndAsync(WatchResult result)
    {
        Announce(EventSeverity.ForOutcome(result.Outcome), result.Reason, result.Evidence, result.Outcome, result.RequestedBy);
        if (_pending.Count == 0)
        {
            return result;
        }

        var all = Task.WhenAll(_pending.Select(p => p.Outcome));
        if (!all.IsCompleted)
        {
            using var cancel = new CancellationTokenSource();
            var timer = _context.CreateTimer((Now + NotificationWait).UtcDateTime, cancel.Token);
            if (await Task.WhenAny(all, timer) == all)
            {
                cancel.Cancel();
            }
        }

        foreach (var pending in _pending)
        {
            RecordNotification(pending, pending.Outcome.IsCompleted
                ? await pending.Outcome
                : new NotifyResult(NotifyStatus.Failed, 0, $"no answer within {DurationFormat.Format(NotificationWait)}"));
        }

        _pending.Clear();
        SetStatus(WatchPhase.Ended, null);
        return result with { Timeline = _state.Decisions };
    }

    /// <summary>Records the deliveries that have finished by now, without waiting for the others.</summary>
    private async Task CollectSettledNotificationsAsync()
    {
        for (var i = 0; i < _pending.Count;)
        {
            if (_pending[i].Outcome.IsCompleted)
            {
                RecordNotification(_pending[i], await _pending[i].Outcome);
                _pending.RemoveAt(i);
            }
            else
            {
                i++;
            }
        }
    }

    private void RecordNotification(PendingNotification pending, NotifyResult outcome)
    {
        if (outcome.Status == NotifyStatus.Failed)
        {
            Record(_state.LastVerdict ?? VerdictKind.Healthy,
                $"{WatchEvent.NameOf(pending.Event.Type)} event {pending.Event.EventId} was not delivered after {outcome.Attempts} attempt(s)",
                WatchAction.NotifyFailed, $"notify {pending.Channel} failed: {outcome.Code}");
        }
    }

    private void Record(VerdictKind verdict, string reason, WatchAction action, string actionText) =>
        _state = _state.Record(new Decision(Now, _state.Polls, verdict, reason, action, actionText));

    private void SetStatus(WatchPhase phase, DateTimeOffset? nextPollAt) =>
        _context.SetCustomStatus(WatchProgress.From(phase, _state, _startedAt, nextPollAt, _measures));

    private double Jitter()
    {
        var bytes = _context.NewGuid().ToByteArray();
        return BitConverter.ToUInt32(bytes, 0) / ((double)uint.MaxValue + 1);
    }

    private sealed record PendingNotification(string Channel, WatchEvent Event, Task<NotifyResult> Outcome);

    [LoggerMessage(EventId = LogEvents.WatchStarted, Level = LogLevel.Information, Message = "Watching change order {ChangeOrderId} of app {AppId} in {RegionId} (dry run {DryRun})")]
    private static partial void LogStarted(ILogger logger, string changeOrderId, string appId, string regionId, bool dryRun);

    [LoggerMessage(EventId = LogEvents.WatchPolled, Level = LogLevel.Information, Message = "Change order {ChangeOrderId} poll {Poll}: {Verdict}, {Reason}; {Action}")]
    private static partial void LogPoll(ILogger logger, string changeOrderId, int poll, VerdictKind verdict, string reason, string action);

    [LoggerMessage(EventId = LogEvents.WatchEnded, Level = LogLevel.Information, Message = "Watch of change order {ChangeOrderId} ended {Outcome}: {Reason}")]
    private static partial void LogEnded(ILogger logger, string changeOrderId, WatchOutcome outcome, string reason);
}
