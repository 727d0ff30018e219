using System.Text.Json;
using System.Text.RegularExpressions;
using ChangeGuard.Domain.Json;
using ChangeGuard.Domain.Policies;
using ChangeGuard.Testing;
using ChangeGuard.Watching;

namespace ChangeGuard.Signals.Tests;

/// <summary>The examples in docs/signals.md are requests and signal files ChangeGuard accepts.</summary>
public sealed partial class SignalDocsExampleTests
{
    [Fact]
    public void Docs_JsonExamples_ParseAndValidate()
    {
        // Arrange
        var blocks = JsonBlocks();
        var request = JsonSerializer.Deserialize<WatchStartRequest>(blocks.First(b => b.Contains("\"changeOrderId\"", StringComparison.Ordinal)), ChangeGuardJson.Options)!;
        var file = JsonSerializer.Deserialize<SignalDefinition[]>(blocks.First(b => b.TrimStart().StartsWith('[')), ChangeGuardJson.Options)!;

        // Act
        var errors = SignalDefinition.ValidateAll(request.Policy!.Signals, "policy.signals").Concat(SignalDefinition.ValidateAll(file, "signals"));

        // Assert
        Assert.Empty(errors);
        Assert.Equal(2, request.Policy.Signals!.Count);
        Assert.Equal(SignalComparison.AtMost, request.Policy.Signals[0].Prometheus!.Comparison);
        Assert.Equal(2, file.Length);
    }

    private static IReadOnlyList<string> JsonBlocks()
    {
        var text = RepositoryFiles.ReadDocument("signals.md");
        return Block().Matches(text).Select(m => m.Groups["body"].Value).ToArray();
    }

    [GeneratedRegex("```json\n(?<body>.*?)\n *```", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Block();
}
