using System.Text.Json;
using ChangeGuard.Domain.Json;
using Microsoft.AspNetCore.Http;

namespace ChangeGuard.Http;

/// <summary>A JSON answer written with <see cref="ChangeGuardJson"/> whatever the host's own JSON settings are.</summary>
public sealed class ChangeGuardJsonResult(int statusCode, object value, string? location = null) : IResult
{
    /// <summary>The HTTP status.</summary>
    public int StatusCode { get; } = statusCode;

    /// <summary>The body.</summary>
    public object Value { get; } = value;

    /// <summary>The Location header, if any.</summary>
    public string? Location { get; } = location;

    /// <inheritdoc />
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCode;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        if (Location is not null)
        {
            httpContext.Response.Headers.Location = Location;
        }

        await JsonSerializer.SerializeAsync(httpContext.Response.Body, Value, Value.GetType(), ChangeGuardJson.Options, httpContext.RequestAborted).ConfigureAwait(false);
    }
}
