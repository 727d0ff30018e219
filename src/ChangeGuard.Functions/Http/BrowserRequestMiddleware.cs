using ChangeGuard.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace ChangeGuard.Functions.Http;

/// <summary>
/// The HTTP functions refuse cross-site browser requests (<c>Origin</c> of another site, <c>Sec-Fetch-Site</c> other
/// than same-origin), as <c>serve</c> does: <c>func start</c> checks no keys, so a page open in a developer's browser
/// could otherwise drive the API on <c>localhost:7071</c>. The <c>Host</c> header is left to the platform (App Service
/// routes by it), so no allow-list applies here.
/// </summary>
public sealed class BrowserRequestMiddleware : IFunctionsWorkerMiddleware
{
    private static readonly BrowserRequestGuard Guard = new(allowedHosts: null);

    /// <inheritdoc />
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.GetHttpContext();
        if (http is not null && Guard.Refusal(http.Request) is { } refusal)
        {
            await refusal.ExecuteAsync(http).ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }
}
