using System.Reflection;
using System.Text.Json;
using ChangeGuard.Domain.Json;
using ChangeGuard.Domain.Policies;

namespace ChangeGuard.Domain.Tests.Policies;

public sealed class PolicyFieldsTests
{
    /// <summary>For each field, a valid value other than its default.</summary>
    public static TheoryData<string, object> OtherValues() => new()
    {
        { "pollInterval", TimeSpan.FromSeconds(20) },
        { "initialDelay", TimeSpan.FromSeconds(5) },
        { "timeout", TimeSpan.FromHours(2) },
        { "failureLimit", 4 },
        { "consecutiveErrorLimit", 8 },
        { "onErrorLimit", OnErrorLimit.StopWatching },
        { "maxUnavailableRatio", 0.5 },
        { "maxRestarts", 0 },
        { "rollback", false },
        { "dryRun", true },
        { "abortDeadline", TimeSpan.FromMinutes(1) },
        { "maxAbortAttempts", 3 },
        { "abortConfirmTimeout", TimeSpan.FromSeconds(20) },
        { "promote.enabled", true },
        { "promote.bakeTime", TimeSpan.FromMinutes(10) },
        { "promote.minHealthyPolls", 5 },
        { "promote.requireSignalData", false },
        { "promote.lastBatch", -1 },
    };

    /// <summary>Each field's default, bounds in help and message for a refused value, as the docs and clients quote them.</summary>
    public static TheoryData<string, string, string?, string?> Bounds() => new()
    {
        { "pollInterval", "15s", "1s to 10m", "must be between 1s and 10m" },
        { "initialDelay", "0s", "0s to 1h", "must be between 0s and 1h" },
        { "timeout", "30m", "at least pollInterval, at most 24h", "must be at least pollInterval and at most 24h" },
        { "failureLimit", "2", "1 to 100", "must be between 1 and 100" },
        { "consecutiveErrorLimit", "4", "1 to 100", "must be between 1 and 100" },
        { "onErrorLimit", "abort", null, "must be abort or stopWatching" },
        { "maxUnavailableRatio", "0.25", "0 to 1", "must be between 0 and 1" },
        { "maxRestarts", "3", "0 to 1000", "must be between 0 and 1000" },
        { "rollback", "true", null, null },
        { "dryRun", "false", null, null },
        { "abortDeadline", "10m", "10s to 1h", "must be between 10s and 1h" },
        { "maxAbortAttempts", "10", "1 to 50", "must be between 1 and 50" },
        { "abortConfirmTimeout", "3m", "10s to 1h", "must be between 10s and 1h" },
        { "promote.enabled", "false", null, null },
        { "promote.bakeTime", "5m", "0s to 24h", "must be between 0s and 24h" },
        { "promote.minHealthyPolls", "3", "1 to 1000", "must be between 1 and 1000" },
        { "promote.requireSignalData", "true", null, null },
        { "promote.lastBatch", "0", "-100 to 100", "must be between -100 and 100" },
    };

    /// <summary>The value properties of a policy type, named as their fields are: a section's as <c>promote.bakeTime</c>.</summary>
    private static IEnumerable<(string Name, Type Type)> ValueProperties(Type type, string prefix = "")
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var name = prefix + JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (property.PropertyType.Namespace == typeof(PromotePolicy).Namespace && property.PropertyType.IsClass)
            {
                foreach (var inner in ValueProperties(property.PropertyType, name + "."))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return (name, property.PropertyType);
            }
        }
    }

    [Fact]
    public void All_EveryWatchPolicyValueProperty_HasAFieldOfItsTypeAndJsonName()
    {
        // Arrange
        var properties = ValueProperties(typeof(WatchPolicy)).Where(p => p.Name != "signals");

        // Act
        var missing = properties
            .Where(p => PolicyFields.Find(p.Name) is not { } field || field.ValueType != p.Type)
            .Select(p => p.Name);

        // Assert
        Assert.Empty(missing);
    }

    [Fact]
    public void All_EveryOverridesValueProperty_IsTheNullableOfAField()
    {
        // Arrange
        var properties = ValueProperties(typeof(WatchPolicyOverrides)).Where(p => p.Name is not ("signals" or "notify"));

        // Act
        var missing = properties
            .Where(p => PolicyFields.Find(p.Name) is not { } field
                || p.Type != typeof(Nullable<>).MakeGenericType(field.ValueType))
            .Select(p => p.Name);

        // Assert
        Assert.Empty(missing);
    }

    [Fact]
    public void All_NamesAndDefaults_AreWhatTheDefaultPolicySerialisesTo()
    {
        // Arrange
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(WatchPolicy.Default, ChangeGuardJson.Options));

        // Act
        var serialised = PolicyFields.All.Select(f => f.Name.Split('.').Aggregate(json.RootElement, (e, name) => e.GetProperty(name)) is var e
            && e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText());

        // Assert
        Assert.Equal(PolicyFields.All.Select(f => f.DefaultText), serialised);
    }

    [Theory]
    [MemberData(nameof(OtherValues))]
    public void ApplyTo_FieldOverridden_RoundTripsAndLeavesTheRest(string name, object value)
    {
        // Arrange
        var field = PolicyFields.Find(name)!;
        var overrides = field.Override(new WatchPolicyOverrides(), value);

        // Act
        var policy = overrides.ApplyTo(WatchPolicy.Default);

        // Assert
        Assert.Equal(value, field.ValueIn(policy));
        Assert.All(PolicyFields.All.Where(f => f != field && f != PolicyFields.PromoteEnabled), f => Assert.True(f.Same(policy, WatchPolicy.Default), f.Name));
    }

    [Fact]
    public void ApplyTo_PromoteSectionWithoutEnabled_TurnsPromotionOn()
    {
        // Arrange
        var overrides = new WatchPolicyOverrides { Promote = new PromoteOverrides { BakeTime = TimeSpan.FromMinutes(2) } };

        // Act
        var policy = overrides.ApplyTo(WatchPolicy.Default);

        // Assert
        Assert.True(policy.Promote.Enabled);
    }

    [Fact]
    public void ApplyTo_PromoteSectionSayingDisabled_LeavesPromotionOff()
    {
        // Arrange
        var overrides = new WatchPolicyOverrides { Promote = new PromoteOverrides { Enabled = false, BakeTime = TimeSpan.FromMinutes(2) } };

        // Act
        var policy = overrides.ApplyTo(WatchPolicy.Default with { Promote = new PromotePolicy { Enabled = true } });

        // Assert
        Assert.False(policy.Promote.Enabled);
    }

    [Fact]
    public void OtherValues_EveryField_HasARowDifferentFromItsDefault()
    {
        // Arrange
        var rows = OtherValues().ToDictionary(r => (string)r[0], r => r[1]);

        // Act
        var uncovered = PolicyFields.All.Where(f => !rows.TryGetValue(f.Name, out var value) || value.Equals(f.ValueIn(WatchPolicy.Default)));

        // Assert
        Assert.Empty(uncovered);
    }

    [Theory]
    [MemberData(nameof(Bounds))]
    public void Field_Bounds_AreTheDocumentedOnes(string name, string defaultText, string? boundsText, string? message)
    {
        // Act
        var field = PolicyFields.Find(name)!;

        // Assert
        Assert.Equal((defaultText, boundsText, message), (field.DefaultText, field.BoundsText, field.BoundsMessage));
    }

    [Fact]
    public void Bounds_EveryField_HasARow()
    {
        // Arrange
        var rows = Bounds().Select(r => (string)r[0]).ToList();

        // Act
        var names = PolicyFields.All.Select(f => f.Name);

        // Assert
        Assert.Equal(names, rows);
    }

    [Fact]
    public void Refusal_TimeoutBelowPollIntervalWithoutAPolicy_IsAllowed()
    {
        // Act
        var refusal = PolicyFields.Timeout.Refusal(TimeSpan.FromSeconds(5));

        // Assert
        Assert.Null(refusal);
    }

    [Fact]
    public void Refusal_TimeoutBelowThePolicysPollInterval_IsRefused()
    {
        // Arrange
        var policy = WatchPolicy.Default with { PollInterval = TimeSpan.FromSeconds(30) };

        // Act
        var refusal = PolicyFields.Timeout.Refusal(TimeSpan.FromSeconds(20), policy);

        // Assert
        Assert.Equal("must be at least pollInterval and at most 24h", refusal);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    public void Refusal_RatioOutsideZeroToOne_IsRefused(double ratio)
    {
        // Act
        var refusal = PolicyFields.MaxUnavailableRatio.Refusal(ratio);

        // Assert
        Assert.Equal("must be between 0 and 1", refusal);
    }

    [Fact]
    public void Override_ValueOfAnotherType_Throws()
    {
        // Act
        var act = () => PolicyFields.FailureLimit.Override(new WatchPolicyOverrides(), "3");

        // Assert
        Assert.Throws<ArgumentException>(act);
    }
}
