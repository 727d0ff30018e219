using Microsoft.AspNetCore.Http;

namespace ChangeGuard.Http;

/// <summary>
/// The browser dashboard: one page, a script and a style sheet, embedded in this assembly so that every host serves
/// the same files with no build step at run time. The files hold no data; the page reads the watch API with the key
/// the operator types, so the files themselves need none. They forbid framing and any script from elsewhere.
/// </summary>
public static class DashboardFiles
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["dashboard.js"] = "text/javascript; charset=utf-8",
        ["dashboard.css"] = "text/css; charset=utf-8",
    };

    /// <summary>
    /// The file's answer, or a 404 problem for any other name; the folder without its trailing slash redirects to it,
    /// so that the page's relative links resolve under either host's prefix.
    /// </summary>
    public static async Task<IResult> ServeAsync(HttpRequest request, string? file)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(file) && request.Path.Value is { } path && !path.EndsWith('/'))
        {
            return TypedResults.Redirect(request.PathBase + path + "/");
        }

        var response = request.HttpContext.Response;
        var name = string.IsNullOrEmpty(file) ? "index.html" : file;
        if (!ContentTypes.TryGetValue(name, out var contentType)
            || typeof(DashboardFiles).Assembly.GetManifestResourceStream("Dashboard/" + name) is not { } stream)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such dashboard file.");
        }

        using (stream)
        using (var buffer = new MemoryStream())
        {
            await stream.CopyToAsync(buffer).ConfigureAwait(false);
            response.Headers.ContentSecurityPolicy = "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
            response.Headers.XContentTypeOptions = "nosniff";
            response.Headers.CacheControl = "no-store";
            return TypedResults.Bytes(buffer.ToArray(), contentType);
        }
    }
}
