using System.Text.Json;
using ChangeGuard.Domain.Policies.Expressions;

namespace ChangeGuard.Domain.Policies;

/// <summary>
/// An HTTP probe with the fields of Argo Rollouts' web metric (a JSON answer judged by conditions over
/// <c>result</c>), or, with <see cref="StatusOnly"/>, Flagger's webhook check (a POST of
/// <c>{name, namespace, phase, checksum, metadata}</c> where 2xx passes). The URL must match
/// <c>ChangeGuard:Signals:ProbeTargets</c>; header values come from <c>ChangeGuard:Signals:Secrets</c> by name.
/// </summary>
public sealed record HttpProbeSignal
{
    /// <summary>Longest URL accepted.</summary>
    public const int MaxUrlLength = 2048;

    /// <summary>Longest body (text or JSON) accepted: it is kept in the watch's history.</summary>
    public const int MaxBodyLength = 16 * 1024;

    /// <summary>Most headers a probe may send.</summary>
    public const int MaxHeaders = 10;

    /// <summary>The URL to call (http or https).</summary>
    public string Url { get; init; } = string.Empty;

    /// <summary>GET (default), POST or PUT; status-only probes always POST.</summary>
    public ProbeMethod Method { get; init; } = ProbeMethod.Get;

    /// <summary>Headers whose values are configured secrets, referenced by name.</summary>
    public IReadOnlyList<ProbeHeader> Headers { get; init; } = [];

    /// <summary>A text body (POST or PUT).</summary>
    public string? Body { get; init; }

    /// <summary>A JSON body (POST or PUT), sent as <c>application/json</c>.</summary>
    public JsonElement? JsonBody { get; init; }

    /// <summary>Seconds the probe may take (1 to 60; default 10).</summary>
    public int TimeoutSeconds { get; init; } = 10;

    /// <summary>Which part of the JSON answer is <c>result</c>, Kubernetes style: <c>{$.data.ok}</c> (default <c>{$}</c>).</summary>
    public string? JsonPath { get; init; }

    /// <summary>Healthy when this holds over <c>result</c>.</summary>
    public string? SuccessCondition { get; init; }

    /// <summary>A breach when this holds over <c>result</c>.</summary>
    public string? FailureCondition { get; init; }

    /// <summary>Flagger mode: POST the rollout's identity, 2xx passes and any other status is a breach.</summary>
    public bool StatusOnly { get; init; }

    /// <summary>Extra <c>metadata</c> entries of the status-only payload (not secrets: they are kept in the watch's history).</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    /// <summary>The problems with this probe, fields named under <paramref name="prefix"/>.</summary>
    public IReadOnlyList<ValidationError> Validate(string prefix)
    {
        var errors = new List<ValidationError>();
        void Check(bool ok, string field, string message)
        {
            if (!ok)
            {
                errors.Add(new($"{prefix}.{field}", message));
            }
        }

        Check((Url ?? string.Empty).Length <= MaxUrlLength, "url", $"must be at most {MaxUrlLength} characters");
        Check(Uri.TryCreate(Url, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            && string.IsNullOrEmpty(url.UserInfo), "url", "must be an absolute http or https URL without user information");
        Check(Enum.IsDefined(Method), "method", "must be GET, POST or PUT");
        Check(TimeoutSeconds is >= 1 and <= 60, "timeoutSeconds", "must be between 1 and 60");
        Check(Body is null || JsonBody is null, "body", "cannot be set together with jsonBody");
        Check((Body?.Length ?? 0) <= MaxBodyLength && (JsonBody?.GetRawText().Length ?? 0) <= MaxBodyLength, "body", $"must be at most {MaxBodyLength} characters");
        Check(Method != ProbeMethod.Get || (Body is null && JsonBody is null) || StatusOnly, "method", "GET cannot send a body; use POST or PUT");
        Check((Headers ?? []).Count <= MaxHeaders, "headers", $"must hold at most {MaxHeaders} headers");
        for (var i = 0; i < (Headers ?? []).Count; i++)
        {
            errors.AddRange(Headers![i].Validate($"{prefix}.headers[{i}]"));
        }

        if (StatusOnly)
        {
            Check(SuccessCondition is null && FailureCondition is null && JsonPath is null, "statusOnly",
                "judges the status alone: leave out successCondition, failureCondition and jsonPath");
            Check(Body is null && JsonBody is null, "statusOnly", "posts the rollout's identity: leave out body and jsonBody");
        }

        Check(Metadata is null || (Metadata.Count <= 20 && Metadata.All(kv => kv.Key.Length is > 0 and <= 64 && (kv.Value?.Length ?? 0) <= 256)),
            "metadata", "must hold at most 20 entries, names of 1 to 64 and values of at most 256 characters");

        if (JsonPath is not null && !JsonPathSelector.TryParse(JsonPath, out _, out var pathError))
        {
            errors.Add(new($"{prefix}.jsonPath", pathError));
        }

        CheckCondition(SuccessCondition, "successCondition");
        CheckCondition(FailureCondition, "failureCondition");
        return errors;

        void CheckCondition(string? text, string field)
        {
            if (text is not null && !ConditionExpression.TryParse(text, out _, out var error))
            {
                errors.Add(new($"{prefix}.{field}", error));
            }
        }
    }
}
