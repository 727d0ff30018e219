namespace ChangeGuard.Sae.Wire;

/// <summary>One SAE ROA operation: its action name, HTTP method and fixed path.</summary>
/// <param name="Action">The action, sent as <c>x-acs-action</c>.</param>
/// <param name="Method">The HTTP method SAE expects.</param>
/// <param name="Path">The fixed ROA path.</param>
/// <param name="IsRead">Reads may be retried by the client; writes never are.</param>
/// <param name="RequiredDataFields">
/// Fields the answer's <c>Data</c> object must carry; an answer without them is malformed, not a default-valued
/// success (a missing <c>Status</c> must never read as "preparing").
/// </param>
public sealed record SaeOperation(string Action, HttpMethod Method, string Path, bool IsRead, params string[] RequiredDataFields);
