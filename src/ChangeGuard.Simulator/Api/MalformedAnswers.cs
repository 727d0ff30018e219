namespace ChangeGuard.Simulator.Api;

/// <summary>Answers that are not SAE's API, served in turn by the <c>malformedRatio</c> fault.</summary>
internal static class MalformedAnswers
{
    private static int _next;

    /// <summary>A body cut mid-way, as a broken gateway passes it on.</summary>
    public static string CutShort(string body) => body[..(body.Length / 2)];

    public static (int Status, string ContentType, string Body) Next(string requestId) =>
        (Interlocked.Increment(ref _next) % 5) switch
        {
            0 => (502, "text/html", "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>"),
            1 => (200, "application/json;charset=utf-8", $$"""{"RequestId":"{{requestId}}","Code":"200","Success":true,"Data":{"ChangeOrderId":"co"""),
            2 => (200, "application/json;charset=utf-8", string.Empty),
            3 => (200, "application/json;charset=utf-8", "{\"RequestId\":\"" + requestId + "\",\"Code\":\"200\",\"Message\":\"success\",\"Success\":true,\"Data\":{}}"),
            _ => (200, "application/json;charset=utf-8", "{\"RequestId\":\"" + requestId + "\",\"Code\":\"200\",\"Success\":true,\"Data\":{\"ChangeOrderId\":\"x\",\"Status\":\"running\",\"Instances\":\"many\",\"TotalSize\":\"lots\"}}"),
        };
}
