using System.Globalization;

namespace ChangeGuard.FunctionsHost.Tests.Support;

/// <summary>
/// The app settings a test deploys the Functions app with, as the environment variables the host and its worker read.
/// Defaults: SAE at the simulator with no call budget, the guard's timer once a year and adopting nothing (tests of the
/// guard turn it on), one task hub.
/// </summary>
public sealed class HostedAppSettings
{
    /// <summary>A schedule that does not fire during a test: midnight on the first of January.</summary>
    public const string DormantSchedule = "0 0 0 1 1 *";

    private readonly Dictionary<string, string> _values;

    public HostedAppSettings(Uri saeEndpoint, string accessKeyId, string accessKeySecret, string storageConnection, string taskHub)
    {
        ArgumentNullException.ThrowIfNull(saeEndpoint);
        _values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AzureWebJobsStorage"] = storageConnection,
            ["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated",
            ["Sae__Endpoint"] = saeEndpoint.ToString(),
            ["Sae__AccessKeyId"] = accessKeyId,
            ["Sae__AccessKeySecret"] = accessKeySecret,
            ["Sae__Budget__CallsPerMinute"] = "0",
            ["ChangeGuard__Guard__Schedule"] = DormantSchedule,
            ["ChangeGuard__Guard__AdoptUnwatched"] = "false",
            ["AzureFunctionsJobHost__extensions__durableTask__hubName"] = taskHub,
        };
    }

    /// <summary>The settings, by name.</summary>
    public IReadOnlyDictionary<string, string> Values => _values;

    /// <summary>Sets one app setting.</summary>
    public HostedAppSettings With(string name, string value)
    {
        _values[name] = value;
        return this;
    }

    /// <summary>Removes one app setting.</summary>
    public HostedAppSettings Without(string name)
    {
        _values.Remove(name);
        return this;
    }

    /// <summary>Runs the rollback guard on <paramref name="schedule"/>, adopting unwatched running orders of <paramref name="apps"/>.</summary>
    public HostedAppSettings WithGuard(string schedule, params (string RegionId, string AppId)[] apps)
    {
        ArgumentNullException.ThrowIfNull(apps);
        With("ChangeGuard__Guard__Schedule", schedule);
        With("ChangeGuard__Guard__AdoptUnwatched", "true");
        for (var i = 0; i < apps.Length; i++)
        {
            var index = i.ToString(CultureInfo.InvariantCulture);
            With($"ChangeGuard__Guard__Apps__{index}__RegionId", apps[i].RegionId);
            With($"ChangeGuard__Guard__Apps__{index}__AppId", apps[i].AppId);
        }

        return this;
    }
}
