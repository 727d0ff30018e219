using ChangeGuard.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChangeGuard.Http;

/// <summary>Problem-details answers (<c>application/problem+json</c>) that name the field at fault.</summary>
public static class Problems
{
    /// <summary>400 with one entry per bad field.</summary>
    public static ProblemHttpResult Invalid(IEnumerable<ValidationError> errors) =>
        WithErrors(StatusCodes.Status400BadRequest, "The request is invalid.", errors);

    /// <summary>404 naming <c>changeOrderId</c>: SAE has no such change order, so there is nothing to watch.</summary>
    public static ProblemHttpResult UnknownChangeOrder(IEnumerable<ValidationError> errors) =>
        WithErrors(StatusCodes.Status404NotFound, "No such change order.", errors);

    /// <summary>400 for one field.</summary>
    public static ProblemHttpResult Invalid(string field, string message) => Invalid([new ValidationError(field, message)]);

    /// <summary>404: no watch for that change order.</summary>
    public static ProblemHttpResult NotFound(string changeOrderId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such watch.", detail: $"No watch exists for change order '{Clip(changeOrderId)}'.");

    /// <summary>409: the watch has already ended.</summary>
    public static ProblemHttpResult Ended(string changeOrderId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The watch has already ended.", detail: $"The watch of change order '{Clip(changeOrderId)}' has already ended.");

    /// <summary>429: as many watches as allowed already run.</summary>
    public static ProblemHttpResult TooManyWatches(IEnumerable<ValidationError> errors) =>
        WithErrors(StatusCodes.Status429TooManyRequests, "Too many active watches.", errors);

    /// <summary>403: a browser sent this request from another site.</summary>
    public static ProblemHttpResult CrossSite(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Cross-site requests are refused.", detail: detail);

    /// <summary>415 naming <c>Content-Type</c>: a body must be JSON and say so.</summary>
    public static ProblemHttpResult NotJson() =>
        WithErrors(StatusCodes.Status415UnsupportedMediaType, "The body must be JSON.", [new ValidationError("Content-Type", "must be application/json")]);

    private static ProblemHttpResult WithErrors(int status, string title, IEnumerable<ValidationError> errors)
    {
        var byField = errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
        var detail = string.Join("; ", byField.Select(kv => $"{kv.Key} {string.Join(", ", kv.Value)}"));
        return TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = status,
            Title = title,
            Detail = detail,
            Extensions = { ["errors"] = byField },
        });
    }

    private static string Clip(string value) => value.Length <= 128 ? value : value[..128] + "…";
}
