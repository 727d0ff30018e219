using System.Collections.Concurrent;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;

namespace ChangeGuard.Testing.Engine;

/// <summary>
/// The engine's data converter with a recorder: every payload the worker and client serialize (orchestration and
/// activity inputs and outputs, custom status, event payloads) is what the history persists, so tests can search it.
/// </summary>
public sealed class RecordingDataConverter : DataConverter
{
    private readonly ConcurrentQueue<string> _payloads = new();

    /// <summary>Every payload serialized so far.</summary>
    public string AllText => string.Join('\n', _payloads);

    /// <summary>How many payloads were serialized.</summary>
    public int Count => _payloads.Count;

    /// <inheritdoc />
    public override string? Serialize(object? value)
    {
        var text = JsonDataConverter.Default.Serialize(value);
        if (text is not null)
        {
            _payloads.Enqueue(text);
        }

        return text;
    }

    /// <inheritdoc />
    public override object? Deserialize(string? data, Type targetType) => JsonDataConverter.Default.Deserialize(data, targetType);
}
