using ChangeGuard.Sae.Errors;
using ChangeGuard.Sae.Wire;
using ChangeGuard.Simulator.Model;

namespace ChangeGuard.Simulator.Api;

/// <summary>
/// The one entry point for SAE calls: finds the operation by path and method, verifies the signature, applies the
/// fault plan, runs the operation and logs the exchange.
/// </summary>
internal sealed class SaeApiEndpoint(SimulatedWorld world, SignatureVerifier verifier, FaultInjector faults, RequestLog log)
{
    public async Task HandleAsync(HttpContext context)
    {
        var requestId = SaeResponseWriter.NewRequestId();
        var query = QueryParameters.Parse(context.Request.QueryString.Value);
        var body = await ReadBodyAsync(context.Request).ConfigureAwait(false);
        var path = context.Request.Path.Value ?? "/";
        var action = SaeOperationHandlers.ByPath.TryGetValue(path, out var found) ? found.Operation.Action : path;
        string? accessKeyId = null;

        try
        {
            if (found.Operation is null
                || !string.Equals(found.Operation.Method.Method, context.Request.Method, StringComparison.OrdinalIgnoreCase)
                || !string.Equals(context.Request.Headers["x-acs-action"].ToString(), found.Operation.Action, StringComparison.Ordinal)
                || !string.Equals(context.Request.Headers["x-acs-version"].ToString(), SaeOperations.Version, StringComparison.Ordinal))
            {
                throw new SimulatorError(404, SaeErrorCodes.ApiNotFound, "Specified api is not found, please check your url and method.");
            }

            accessKeyId = verifier.Verify(context.Request, query.Pairs, body);

            var decision = faults.Decide(action, accessKeyId);
            if (world.Faults.LatencyMs > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(world.Faults.LatencyMs), world.Time, context.RequestAborted).ConfigureAwait(false);
            }

            switch (decision)
            {
                case FaultDecision.Malformed:
                    var (status, contentType, text) = MalformedAnswers.Next(requestId);
                    log.Add(world.Time.GetUtcNow(), action, context.Request.Method, query.Values, status, "Malformed", requestId, accessKeyId);
                    context.Response.StatusCode = status;
                    context.Response.ContentType = contentType;
                    await context.Response.WriteAsync(text, context.RequestAborted).ConfigureAwait(false);
                    return;
                case FaultDecision.Reset:
                    log.Add(world.Time.GetUtcNow(), action, context.Request.Method, query.Values, 0, "ConnectionReset", requestId, accessKeyId);
                    context.Abort();
                    return;
                case FaultDecision.Throttle:
                    throw new SimulatorError(400, SaeResponseWriter.ThrottledCode, SaeResponseWriter.ThrottledMessage);
                case FaultDecision.InternalError:
                    throw new SimulatorError(500, SaeErrorCodes.InternalError, "The request processing has failed due to some unknown error.");
                case FaultDecision.ServiceUnavailable:
                    throw new SimulatorError(503, SaeErrorCodes.ServiceUnavailable, "The request has failed due to a temporary failure of the server.");
            }

            if (world.Faults.DeniedActions.Contains(action, StringComparer.Ordinal))
            {
                throw new SimulatorError(400, SaeErrorCodes.ResourceNoPermission, "You are not authorized to operate on the specified resource.");
            }

            var answer = found.Handle(world, query);
            log.Add(world.Time.GetUtcNow(), action, context.Request.Method, query.Values, 200, "200", requestId, accessKeyId);
            await SaeResponseWriter.WriteOkAsync(context, requestId, answer).ConfigureAwait(false);
        }
        catch (SimulatorError error)
        {
            log.Add(world.Time.GetUtcNow(), action, context.Request.Method, query.Values, error.Status, error.Code, requestId, accessKeyId);
            await SaeResponseWriter.WriteErrorAsync(context, requestId, error.Status, error.Code, error.Message).ConfigureAwait(false);
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength is 0 || (request.ContentLength is null && !request.Headers.ContainsKey("Transfer-Encoding")))
        {
            return [];
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted).ConfigureAwait(false);
        return buffer.ToArray();
    }
}
