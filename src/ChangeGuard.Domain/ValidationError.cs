namespace ChangeGuard.Domain;

/// <summary>One invalid input: the field as the caller named it (<c>policy.pollInterval</c>) and what is wrong.</summary>
public sealed record ValidationError(string Field, string Message);
