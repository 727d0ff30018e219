namespace ChangeGuard.Benchmarks;

/// <summary>One measured number with its unit, so the result file never leaves a reader guessing ns from µs.</summary>
/// <param name="Group">What was measured, such as <c>signing/DescribeChangeOrder</c>.</param>
/// <param name="Metric">Which statistic, such as <c>p99</c> or <c>allocated</c>.</param>
/// <param name="Value">The number.</param>
/// <param name="Unit">Its unit, such as <c>ns/op</c>, <c>µs</c> or <c>req/s</c>.</param>
public sealed record Figure(string Group, string Metric, double Value, string Unit);
