namespace ChangeGuard.Signals;

/// <summary>
/// One Prometheus HTTP API a signal may query (<c>ChangeGuard:Signals:Prometheus:{name}</c>) and how to authenticate:
/// HTTP Basic (ARMS managed Prometheus V2 instances take the AccessKey ID and secret), a raw
/// <c>Authorization</c> token (V1 instances), or nothing. The credentials stay here; watches name the server.
/// </summary>
public sealed class PrometheusServerOptions
{
    /// <summary>The base URL the API lives under; <c>/api/v1/query</c> is appended.</summary>
    public Uri? Url { get; set; }

    /// <summary>Basic auth user name (the AccessKey ID for ARMS V2).</summary>
    public string? Username { get; set; }

    /// <summary>Basic auth password (the AccessKey secret for ARMS V2).</summary>
    public string? Password { get; set; }

    /// <summary>Sent as is in the <c>Authorization</c> header (ARMS V1's token; write <c>Bearer ...</c> for a bearer token).</summary>
    public string? Token { get; set; }

    /// <summary>How long one query may take (1 s to 2 min; default 10 s).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <inheritdoc />
    public override string ToString() => $"Prometheus at {Url} ({(Password is not null ? "basic auth" : Token is not null ? "token" : "no auth")})";
}
