using Microsoft.Extensions.Options;

namespace ChangeGuard.Testing.Options;

/// <summary>An options monitor over one fixed value, for unit tests of classes that take <see cref="IOptionsMonitor{T}"/>.</summary>
public sealed class StaticOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
