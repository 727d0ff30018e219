using Microsoft.AspNetCore.Http;

namespace ChangeGuard.Http;

/// <summary>Limits a request meets before any handler reads it, each refused with problem details.</summary>
public static class RequestLimits
{
    /// <summary>The longest path and query the API reads (longer: 414).</summary>
    public const int MaxUriLength = 8 * 1024;

    /// <summary>Middleware answering 414 problem details to a path and query longer than <see cref="MaxUriLength"/>.</summary>
    public static RequestDelegate Guard(RequestDelegate next) => async context =>
    {
        ArgumentNullException.ThrowIfNull(context);
        if ((context.Request.Path.Value?.Length ?? 0) + (context.Request.QueryString.Value?.Length ?? 0) > MaxUriLength)
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status414UriTooLong, title: "The URI is too long.",
                detail: $"Paths and queries are at most {MaxUriLength / 1024} KB.").ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    };
}
