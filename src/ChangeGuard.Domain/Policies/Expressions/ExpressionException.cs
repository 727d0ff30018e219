namespace ChangeGuard.Domain.Policies.Expressions;

/// <summary>A condition that does not parse, or that cannot be evaluated over the answer it met.</summary>
public sealed class ExpressionException(string message) : Exception(message);
