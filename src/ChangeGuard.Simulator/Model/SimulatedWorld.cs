using ChangeGuard.Domain;
using ChangeGuard.Sae.Errors;
using ChangeGuard.Simulator.Scenarios;

namespace ChangeGuard.Simulator.Model;

/// <summary>
/// Everything the simulator knows: apps, change orders, faults and the seeded random. One lock guards it; every
/// state is computed from the definitions, the clock and the events recorded here.
/// </summary>
public sealed class SimulatedWorld
{
    private static readonly FaultDefinition NoFaults = new();
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly Dictionary<string, SimulatedApp> _apps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimulatedChangeOrder> _orders = new(StringComparer.Ordinal);
    private Random _random = new(1);
    private Scenario _scenario = new();
    private DateTimeOffset _loadedAt;
    private int _generatedIds;

    /// <summary>Creates an empty world on a clock.</summary>
    public SimulatedWorld(TimeProvider time)
    {
        _time = time;
        _loadedAt = time.GetUtcNow();
    }

    /// <summary>The scenario playing now.</summary>
    public Scenario Scenario
    {
        get
        {
            lock (_gate)
            {
                return _scenario;
            }
        }
    }

    /// <summary>The faults the scenario defines, whether or not their <c>fromSecond</c> has come.</summary>
    public FaultDefinition Faults
    {
        get
        {
            lock (_gate)
            {
                return _scenario.Faults;
            }
        }
    }

    /// <summary>The faults that apply now: the scenario's once their <c>fromSecond</c> has come, else none.</summary>
    public FaultDefinition ActiveFaults
    {
        get
        {
            lock (_gate)
            {
                return ActiveFaultsUnlocked(_time.GetUtcNow());
            }
        }
    }

    /// <summary>The simulator's clock.</summary>
    public TimeProvider Time => _time;

    /// <summary>Replaces the world with a scenario; its change orders start now.</summary>
    public void Load(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            _apps.Clear();
            _orders.Clear();
            _scenario = scenario;
            _loadedAt = now;
            _random = new Random(scenario.Seed);
            foreach (var appDefinition in scenario.Apps)
            {
                // Existing instances were created well before any order of the scenario.
                var app = new SimulatedApp(appDefinition, now - TimeSpan.FromDays(1)) { LoadedAt = now };
                _apps.Add(app.AppId, app);
                foreach (var order in appDefinition.ChangeOrders)
                {
                    AddOrder(app, order, now);
                }
            }
        }
    }

    /// <summary>Replaces the faults in force; their <c>fromSecond</c> still counts from the scenario's load.</summary>
    public void SetFaults(FaultDefinition faults)
    {
        lock (_gate)
        {
            _scenario = _scenario with { Faults = faults };
        }
    }

    /// <summary>A number in [0, 1) from the scenario's seeded random.</summary>
    public double NextRandom()
    {
        lock (_gate)
        {
            return _random.NextDouble();
        }
    }

    /// <summary>Starts a new change order on an app, as a deployment would; one running order per app.</summary>
    public string CreateChangeOrder(ChangeOrderDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (string.IsNullOrWhiteSpace(definition.AppId) || !_apps.TryGetValue(definition.AppId, out var app))
            {
                throw new SimulatorError(404, SaeErrorCodes.AppIdNotFound, $"The specified AppId '{definition.AppId}' does not exist.");
            }

            if (definition.ChangeOrderId is { Length: > 0 } id && _orders.ContainsKey(id))
            {
                throw new SimulatorError(400, SaeErrorCodes.ParameterObviously, $"The change order '{id}' already exists.");
            }

            ScenarioValidator.ValidateChangeOrder(definition, app.Definition, "change order", "body");
            if (app.Orders.Any(o => o.Snapshot(now).Status.IsRunning()))
            {
                throw new SimulatorError(400, SaeErrorCodes.ChangeOrderRunning,
                    "Another change order is in progress on this application. Please try again later.");
            }

            return AddOrder(app, definition, now).ChangeOrderId;
        }
    }

    /// <summary>Confirms the batch an order waits for (status 8).</summary>
    public void Confirm(string changeOrderId)
    {
        lock (_gate)
        {
            var order = RequireOrder(changeOrderId);
            var now = _time.GetUtcNow();
            if (order.Snapshot(now).Status != ChangeOrderStatus.WaitingForBatchConfirmation)
            {
                throw new SimulatorError(400, SaeErrorCodes.ParameterObviously, $"The change order '{changeOrderId}' is not waiting for a batch confirmation.");
            }

            order.Confirm(now, BatchConfirmation.Person);
        }
    }

    /// <summary>The confirms that started batches of an order, oldest first: what a test counts to see that none took effect twice.</summary>
    public IReadOnlyList<BatchConfirmation> Confirmations(string changeOrderId)
    {
        lock (_gate)
        {
            return [.. RequireOrder(changeOrderId).Confirmations];
        }
    }

    /// <summary>
    /// ConfirmPipelineBatch as SAE does it: <paramref name="pipelineId"/> must be the batch its order waits to start
    /// (status 8); then <paramref name="confirm"/> starts it, or false ends the release (status 6). Any other batch (a
    /// wrong id, one already confirmed) gets SAE's error, so of two confirms racing, one takes effect.
    /// </summary>
    public void ConfirmPipeline(string pipelineId, bool confirm)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var (order, plan) = FindPipelineUnlocked(pipelineId)
                ?? throw new SimulatorError(400, SaeErrorCodes.ParameterObviously, $"The parameter {{PipelineId}} is invalid: '{pipelineId}' does not exist.");
            var snapshot = order.Snapshot(now);
            if (ActiveFaultsUnlocked(now).PersonConfirmsFirst && confirm
                && snapshot.Status == ChangeOrderStatus.WaitingForBatchConfirmation && snapshot.CurrentBatch == plan.Index)
            {
                // A person's click lands first; the call below then finds the batch started, as SAE would.
                order.Confirm(now, BatchConfirmation.Person);
                snapshot = order.Snapshot(now);
            }

            if (snapshot.Status != ChangeOrderStatus.WaitingForBatchConfirmation || snapshot.CurrentBatch != plan.Index)
            {
                throw new SimulatorError(400, SaeErrorCodes.ParameterObviously, $"The parameter {{PipelineId}} is invalid: batch '{pipelineId}' is not waiting for confirmation.");
            }

            if (confirm)
            {
                order.Confirm(now, BatchConfirmation.Api);
            }
            else
            {
                order.Abort(now, rollback: false);
            }
        }
    }

    /// <summary>
    /// AbortChangeOrder as SAE does it, with the faults that apply now. Returns the <see cref="AbortAnswerFault"/> whose
    /// answer replaces SAE's acceptance (the abort applied or not, as it says), or null when SAE accepts it plainly.
    /// </summary>
    public AbortAnswerFault? Abort(string changeOrderId, bool rollback)
    {
        lock (_gate)
        {
            var order = RequireOrder(changeOrderId);
            var now = _time.GetUtcNow();
            order.AbortAttempts++;
            var faults = ActiveFaultsUnlocked(now);
            if (faults.FinishBeforeAbort && order.FinishedAt is null && order.AbortedAt is null && order.Snapshot(now).Status.IsRunning())
            {
                order.FinishNow(now);
            }

            if (!order.Snapshot(now).Status.IsRunning())
            {
                throw new SimulatorError(400, SaeErrorCodes.ChangeOrderNotRunning, "The change order is not running and cannot be terminated.");
            }

            if (order.BusyAnswers < faults.AbortBusyCount)
            {
                order.BusyAnswers++;
                throw new SimulatorError(400, SaeErrorCodes.ChangeOrderRunning,
                    "Another change order is in progress on this application. Please try again later.");
            }

            if (faults.AbortAnswer is { } answer && order.FaultAnswers < answer.Count)
            {
                order.FaultAnswers++;
                if (answer.Applied)
                {
                    order.Abort(now, rollback);
                }

                return answer;
            }

            order.Abort(now, rollback);
            return null;
        }
    }

    /// <summary>When the first sign of trouble appeared in an order's started batches, if it has yet.</summary>
    public DateTimeOffset? FaultAppearsAt(string changeOrderId) =>
        Read(view => view.World.FindOrderUnlocked(changeOrderId)?.FaultAppearsAt(view.Now));

    /// <summary>Runs a read under the lock with the current time.</summary>
    internal T Read<T>(Func<WorldView, T> read)
    {
        lock (_gate)
        {
            return read(new WorldView(this, _time.GetUtcNow()));
        }
    }

    internal IEnumerable<SimulatedApp> AppsUnlocked => _apps.Values;

    internal SimulatedApp? FindAppUnlocked(string appId) => _apps.GetValueOrDefault(appId);

    internal SimulatedChangeOrder? FindOrderUnlocked(string changeOrderId) => _orders.GetValueOrDefault(changeOrderId);

    internal (SimulatedChangeOrder Order, BatchPlan Plan)? FindPipelineUnlocked(string pipelineId)
    {
        foreach (var order in _orders.Values)
        {
            var plan = order.Plans.FirstOrDefault(p => p.PipelineId == pipelineId);
            if (plan is not null)
            {
                return (order, plan);
            }
        }

        return null;
    }

    private FaultDefinition ActiveFaultsUnlocked(DateTimeOffset now) =>
        (now - _loadedAt).TotalSeconds * _scenario.TimeScale >= _scenario.Faults.FromSecond ? _scenario.Faults : NoFaults;

    private SimulatedChangeOrder RequireOrder(string changeOrderId)
    {
        if (string.IsNullOrWhiteSpace(changeOrderId))
        {
            throw new SimulatorError(400, SaeErrorCodes.ParameterNotEmpty, "The parameter ChangeOrderId must not be empty.");
        }

        return _orders.GetValueOrDefault(changeOrderId)
            ?? throw new SimulatorError(400, SaeErrorCodes.ChangeOrderNotFound, $"The change order '{changeOrderId}' does not exist.");
    }

    private SimulatedChangeOrder AddOrder(SimulatedApp app, ChangeOrderDefinition definition, DateTimeOffset now)
    {
        var id = definition.ChangeOrderId is { Length: > 0 } given ? given : NewChangeOrderId();
        var createdAt = now - TimeSpan.FromSeconds(definition.AgeSeconds / _scenario.TimeScale);
        var order = new SimulatedChangeOrder(id, app, definition, createdAt, _scenario.TimeScale);
        app.Orders.Add(order);
        _orders.Add(id, order);
        return order;
    }

    private string NewChangeOrderId()
    {
        var n = ++_generatedIds;
        var bytes = new byte[16];
        _random.NextBytes(bytes);
        return $"{new Guid(bytes):D}"[..24] + n.ToString("x12", System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>The world at one moment, for reads under the lock.</summary>
internal readonly record struct WorldView(SimulatedWorld World, DateTimeOffset Now);
