using ChangeGuard.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace ChangeGuard.Functions.Http;

/// <summary>
/// The browser dashboard at <c>/api/dashboard/</c>: the same embedded page <c>serve</c> serves at <c>/dashboard/</c>.
/// Anonymous, since the files hold no data; the page calls the watch API with the function key the operator types.
/// </summary>
public sealed class DashboardFunction
{
    /// <summary>The function's name.</summary>
    public const string Name = "Dashboard";

    /// <summary>Serves the page and its files.</summary>
    [Function(Name)]
    public Task<IResult> ServeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard/{file?}")] HttpRequest request,
        string? file) =>
        DashboardFiles.ServeAsync(request, file);
}
