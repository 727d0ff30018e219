namespace ChangeGuard.Domain.Policies.Expressions;

/// <summary>
/// A probe's success or failure condition over <c>result</c>, in a small subset of the expr language Argo Rollouts
/// uses: literals (numbers, strings, <c>true</c>, <c>false</c>, <c>nil</c>), <c>result</c> with <c>.field</c> and
/// <c>[index]</c>, comparisons, arithmetic, <c>&amp;&amp;</c> <c>||</c> <c>!</c> (and <c>and</c> <c>or</c> <c>not</c>), and the
/// functions <c>asInt</c>, <c>asFloat</c>, <c>isNil</c>, <c>default</c>, <c>isNaN</c>, <c>isInf</c>, <c>len</c>. Hand-written and
/// closed: it reads the answer and nothing else, so a condition cannot call out or loop.
/// </summary>
public sealed class ConditionExpression
{
    /// <summary>Longest condition accepted.</summary>
    public const int MaxLength = 1024;

    private readonly ExpressionNode _root;

    private ConditionExpression(string text, ExpressionNode root)
    {
        Text = text;
        _root = root;
    }

    /// <summary>The condition as written.</summary>
    public string Text { get; }

    /// <summary>Parses a condition; <paramref name="error"/> says what and where when it does not parse.</summary>
    public static bool TryParse(string text, out ConditionExpression? expression, out string error)
    {
        try
        {
            expression = Parse(text);
            error = string.Empty;
            return true;
        }
        catch (ExpressionException ex)
        {
            expression = null;
            error = ex.Message;
            return false;
        }
    }

    /// <summary>Parses a condition or throws <see cref="ExpressionException"/>.</summary>
    public static ConditionExpression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength)
        {
            throw new ExpressionException($"must be a condition of 1 to {MaxLength} characters");
        }

        return new ConditionExpression(text, new ExpressionParser(text).ParseAll());
    }

    /// <summary>True or false for a result (null, bool, double, string or a JSON object or array); throws <see cref="ExpressionException"/> otherwise.</summary>
    public bool Evaluate(object? result) => _root.Evaluate(result) switch
    {
        bool value => value,
        var other => throw new ExpressionException($"'{Text}' gave {ExpressionValues.Describe(other)}, not true or false"),
    };
}
