namespace ChangeGuard.Http;

/// <summary>The HTTP routes every host serves, under the <c>/api</c> prefix Azure Functions uses by default.</summary>
public static class WatchRoutes
{
    /// <summary>The collection: POST starts, GET lists.</summary>
    public const string Watches = "watches";

    /// <summary>One watch, by change order id.</summary>
    public const string Watch = "watches/{changeOrderId}";

    /// <summary>Confirm the batch a manual release waits for now.</summary>
    public const string Promote = "watches/{changeOrderId}/promote";

    /// <summary>Abort the change order now.</summary>
    public const string Abort = "watches/{changeOrderId}/abort";

    /// <summary>Stop watching.</summary>
    public const string Stop = "watches/{changeOrderId}/stop";

    /// <summary>The prefix in front of every route.</summary>
    public const string Prefix = "/api";

    /// <summary>The URL of one watch, for <c>Location</c> headers.</summary>
    public static string LocationOf(string changeOrderId) => $"{Prefix}/watches/{Uri.EscapeDataString(changeOrderId)}";
}
