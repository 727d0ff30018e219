using Microsoft.Extensions.Options;

namespace ChangeGuard.Benchmarks.Budget;

/// <summary>Options that never change, for running a component outside a host.</summary>
/// <typeparam name="T">The options type.</typeparam>
internal sealed class FixedOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    /// <inheritdoc />
    public T CurrentValue => value;

    /// <inheritdoc />
    public T Get(string? name) => value;

    /// <inheritdoc />
    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
