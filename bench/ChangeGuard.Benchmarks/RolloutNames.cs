using System.Globalization;

namespace ChangeGuard.Benchmarks;

/// <summary>The apps and change orders of benchmark worlds, numbered so a request log reads back to its watch.</summary>
public static class RolloutNames
{
    /// <summary>The app of the i-th healthy rollout.</summary>
    public static string HealthyApp(int i) => "app-healthy-" + Number(i);

    /// <summary>The change order of the i-th healthy rollout.</summary>
    public static string HealthyOrder(int i) => "co-healthy-" + Number(i);

    /// <summary>The app of the i-th bad rollout.</summary>
    public static string BadApp(int i) => "app-bad-" + Number(i);

    /// <summary>The change order of the i-th bad rollout.</summary>
    public static string BadOrder(int i) => "co-bad-" + Number(i);

    private static string Number(int i) => i.ToString("000", CultureInfo.InvariantCulture);
}
