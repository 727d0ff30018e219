using System.Text;
using ChangeGuard.Testing.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeGuard.Functions.Tests.Support;

/// <summary>
/// Request and response doubles the way the Functions ASP.NET Core integration hands them over: an
/// <see cref="HttpContext"/> whose request carries the body and query, and whose response the returned
/// <see cref="IResult"/> is executed into.
/// </summary>
internal static class HttpExchanges
{
    private static readonly IServiceProvider RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider();

    /// <summary>A context for <paramref name="method"/> <paramref name="pathAndQuery"/> with an optional JSON body.</summary>
    public static HttpContext Context(HttpMethod method, string pathAndQuery, string? jsonBody = null, string? contentType = HttpExchange.Json)
    {
        var context = new DefaultHttpContext { RequestServices = RequestServices };
        var queryStart = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        context.Request.Method = method.Method;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("localhost", 7071);
        context.Request.Path = new PathString(queryStart < 0 ? pathAndQuery : pathAndQuery[..queryStart]);
        context.Request.QueryString = new QueryString(queryStart < 0 ? string.Empty : pathAndQuery[queryStart..]);
        if (jsonBody is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(jsonBody);
            context.Request.Body = new MemoryStream(bytes);
            context.Request.ContentLength = bytes.Length;
            context.Request.ContentType = contentType;
        }

        context.Response.Body = new MemoryStream();
        return context;
    }

    /// <summary>A request alone, for functions that take one.</summary>
    public static HttpRequest Request(HttpMethod method, string pathAndQuery, string? jsonBody = null, string? contentType = HttpExchange.Json) =>
        Context(method, pathAndQuery, jsonBody, contentType).Request;

    /// <summary>Executes <paramref name="result"/> into the request's context, as the worker does, and reads the response.</summary>
    public static async Task<HttpExchange> ExecuteAsync(IResult result, HttpRequest request)
    {
        var context = request.HttpContext;
        await result.ExecuteAsync(context);
        context.Response.Body.Position = 0;
        using var reader = new StreamReader(context.Response.Body, Encoding.UTF8, leaveOpen: true);
        var body = await reader.ReadToEndAsync();
        var location = context.Response.Headers.Location.ToString();
        return new HttpExchange(context.Response.StatusCode, context.Response.ContentType, body, string.IsNullOrEmpty(location) ? null : location);
    }
}
