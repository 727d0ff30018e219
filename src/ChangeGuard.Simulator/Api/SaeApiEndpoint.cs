using ChangeGuard.Sae.Errors;
using ChangeGuard.Sae.Wire;
using ChangeGuard.Simulator.Model;
using ChangeGuard.Simulator.Scenarios;

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

            var active = world.ActiveFaults;
            var decision = faults.Decide(action, accessKeyId, active);
            if (active.LatencyMs > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(active.LatencyMs), world.Time, context.RequestAborted).ConfigureAwait(false);
            }

            switch (decision)
            {
                case FaultDecision.Malformed:
                    var (status, contentType, text) = MalformedAnswers.Next(requestId);
                    Log(context, action, query, status, "Malformed", requestId, accessKeyId, applied: false);
                    await SaeResponseWriter.WriteTextAsync(context, requestId, status, contentType, text).ConfigureAwait(false);
                    return;
                case FaultDecision.Reset:
                    Log(context, action, query, 0, "ConnectionReset", requestId, accessKeyId, applied: false);
                    context.Abort();
                    return;
                case FaultDecision.Throttle:
                    throw new SimulatorError(400, SaeResponseWriter.ThrottledCode, SaeResponseWriter.ThrottledMessage);
                case FaultDecision.InternalError:
                    throw new SimulatorError(500, SaeErrorCodes.InternalError, SaeResponseWriter.InternalErrorMessage);
                case FaultDecision.ServiceUnavailable:
                    throw new SimulatorError(503, SaeErrorCodes.ServiceUnavailable, "The request has failed due to a temporary failure of the server.");
            }

            if (active.DeniedActions.Contains(action, StringComparer.Ordinal))
            {
                throw new SimulatorError(400, SaeErrorCodes.ResourceNoPermission, "You are not authorized to operate on the specified resource.");
            }

            var answer = found.Handle(world, query);
            if (answer.ReplacedBy is { } replacement)
            {
                await AnswerInsteadAsync(context, action, query, requestId, accessKeyId, answer, replacement).ConfigureAwait(false);
                return;
            }

            Log(context, action, query, 200, "200", requestId, accessKeyId, applied: true);
            await SaeResponseWriter.WriteOkAsync(context, requestId, answer).ConfigureAwait(false);
        }
        catch (SimulatorError error)
        {
            Log(context, action, query, error.Status, error.Code, requestId, accessKeyId, applied: false);
            await SaeResponseWriter.WriteErrorAsync(context, requestId, error.Status, error.Code, error.Message).ConfigureAwait(false);
        }
    }

    /// <summary>The <c>abortAnswer</c> fault's answer, given instead of SAE's acceptance; the abort applied or not, as it says.</summary>
    private async Task AnswerInsteadAsync(
        HttpContext context, string action, QueryParameters query, string requestId, string accessKeyId, SaeAnswer answer, AbortAnswerFault fault)
    {
        switch (fault.Mode)
        {
            case AbortAnswerMode.Malformed:
                Log(context, action, query, 200, "Malformed", requestId, accessKeyId, fault.Applied);
                var cut = MalformedAnswers.CutShort(SaeResponseWriter.OkBody(requestId, answer));
                await SaeResponseWriter.WriteTextAsync(context, requestId, 200, "application/json;charset=utf-8", cut).ConfigureAwait(false);
                break;
            case AbortAnswerMode.Lost:
                Log(context, action, query, 0, "ConnectionReset", requestId, accessKeyId, fault.Applied);
                context.Abort();
                break;
            case AbortAnswerMode.NonceUsed:
                Log(context, action, query, 400, SaeErrorCodes.NonceUsed, requestId, accessKeyId, fault.Applied);
                await SaeResponseWriter.WriteErrorAsync(context, requestId, 400, SaeErrorCodes.NonceUsed, SaeResponseWriter.NonceUsedMessage).ConfigureAwait(false);
                break;
            case AbortAnswerMode.ErrorCode:
                Log(context, action, query, 200, SaeErrorCodes.InternalError, requestId, accessKeyId, fault.Applied);
                await SaeResponseWriter.WriteErrorInOkAsync(context, requestId, SaeErrorCodes.InternalError, SaeResponseWriter.InternalErrorMessage).ConfigureAwait(false);
                break;
            default:
                throw new InvalidOperationException($"abortAnswer mode {fault.Mode} has no answer.");
        }
    }

    /// <summary>Logs the call; <paramref name="applied"/> is recorded for aborts only.</summary>
    private void Log(HttpContext context, string action, QueryParameters query, int status, string code, string requestId, string? accessKeyId, bool applied) =>
        log.Add(world.Time.GetUtcNow(), action, context.Request.Method, query.Values, status, code, requestId, accessKeyId,
            action == SaeOperations.AbortChangeOrder.Action ? applied : null);

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
