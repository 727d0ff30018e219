using System.Globalization;
using System.Text.Json;

namespace ChangeGuard.Domain.Policies.Expressions;

/// <summary>A parsed piece of a condition; evaluating it reads <c>result</c> and nothing else.</summary>
internal abstract record ExpressionNode
{
    public abstract object? Evaluate(object? result);
}

/// <summary>A number, string, boolean or nil written in the condition.</summary>
internal sealed record LiteralNode(object? Value) : ExpressionNode
{
    public override object? Evaluate(object? result) => Value;
}

/// <summary>The probe's <c>result</c>.</summary>
internal sealed record ResultNode : ExpressionNode
{
    public override object? Evaluate(object? result) => result;
}

/// <summary><c>target.name</c> or <c>target["name"]</c> or <c>target[0]</c>; a missing member is nil, as in expr.</summary>
internal sealed record MemberNode(ExpressionNode Target, ExpressionNode Key) : ExpressionNode
{
    public override object? Evaluate(object? result)
    {
        var target = Target.Evaluate(result);
        var key = Key.Evaluate(result);
        switch (target, key)
        {
            case (JsonElement { ValueKind: JsonValueKind.Object } obj, string name):
                return obj.TryGetProperty(name, out var property) ? ExpressionValues.FromJson(property) : null;
            case (JsonElement { ValueKind: JsonValueKind.Array } array, double index):
                var i = (int)index;
                if (i != index || i < 0 || i >= array.GetArrayLength())
                {
                    throw new ExpressionException($"index {index.ToString(CultureInfo.InvariantCulture)} is outside the array of {array.GetArrayLength()}");
                }

                return ExpressionValues.FromJson(array[i]);
            case (null, _):
                throw new ExpressionException($"cannot read {ExpressionValues.Describe(key)} of nil");
            default:
                throw new ExpressionException($"cannot read {ExpressionValues.Describe(key)} of {ExpressionValues.Describe(target)}");
        }
    }
}

/// <summary><c>!x</c>, <c>not x</c> or <c>-x</c>.</summary>
internal sealed record UnaryNode(string Operator, ExpressionNode Operand) : ExpressionNode
{
    public override object? Evaluate(object? result) => Operator == "-"
        ? -ExpressionValues.Number(Operand.Evaluate(result), "-")
        : !ExpressionValues.Boolean(Operand.Evaluate(result), "!");
}

/// <summary>A binary operator; <c>&amp;&amp;</c> and <c>||</c> short-circuit.</summary>
internal sealed record BinaryNode(string Operator, ExpressionNode Left, ExpressionNode Right) : ExpressionNode
{
    public override object? Evaluate(object? result)
    {
        var left = Left.Evaluate(result);
        switch (Operator)
        {
            case "&&":
                return ExpressionValues.Boolean(left, "&&") && ExpressionValues.Boolean(Right.Evaluate(result), "&&");
            case "||":
                return ExpressionValues.Boolean(left, "||") || ExpressionValues.Boolean(Right.Evaluate(result), "||");
        }

        var right = Right.Evaluate(result);
        return Operator switch
        {
            "==" => ExpressionValues.Equals(left, right),
            "!=" => !ExpressionValues.Equals(left, right),
            "<" => ExpressionValues.Compare(left, right, Operator) < 0,
            "<=" => ExpressionValues.Compare(left, right, Operator) <= 0,
            ">" => ExpressionValues.Compare(left, right, Operator) > 0,
            ">=" => ExpressionValues.Compare(left, right, Operator) >= 0,
            "+" when left is string a && right is string b => a + b,
            "+" => ExpressionValues.Number(left, "+") + ExpressionValues.Number(right, "+"),
            "-" => ExpressionValues.Number(left, "-") - ExpressionValues.Number(right, "-"),
            "*" => ExpressionValues.Number(left, "*") * ExpressionValues.Number(right, "*"),
            "/" => ExpressionValues.Number(left, "/") / ExpressionValues.Number(right, "/"),
            _ => throw new ExpressionException($"unknown operator {Operator}"),
        };
    }
}

/// <summary>One of the built-in functions.</summary>
internal sealed record CallNode(string Function, IReadOnlyList<ExpressionNode> Arguments) : ExpressionNode
{
    /// <summary>The functions and how many arguments each takes.</summary>
    public static IReadOnlyDictionary<string, int> Arity { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["asInt"] = 1, ["asFloat"] = 1, ["isNil"] = 1, ["default"] = 2, ["isNaN"] = 1, ["isInf"] = 1, ["len"] = 1,
    };

    public override object? Evaluate(object? result)
    {
        var first = Arguments[0].Evaluate(result);
        return Function switch
        {
            "isNil" => first is null,
            "default" => first ?? Arguments[1].Evaluate(result),
            "asFloat" => AsFloat(first),
            "asInt" => Math.Truncate(AsInt(first)),
            "isNaN" => double.IsNaN(ExpressionValues.Number(first, "isNaN")),
            "isInf" => double.IsInfinity(ExpressionValues.Number(first, "isInf")),
            "len" => first switch
            {
                string s => (double)s.Length,
                JsonElement { ValueKind: JsonValueKind.Array } a => a.GetArrayLength(),
                JsonElement { ValueKind: JsonValueKind.Object } o => o.EnumerateObject().Count(),
                _ => throw new ExpressionException($"len needs a string, array or object, not {ExpressionValues.Describe(first)}"),
            },
            _ => throw new ExpressionException($"unknown function {Function}"),
        };
    }

    private static double AsFloat(object? value) => value switch
    {
        double d => d,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => throw new ExpressionException($"asFloat cannot read {ExpressionValues.Describe(value)} as a number"),
    };

    private static double AsInt(object? value) => value switch
    {
        double d => d,
        string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => throw new ExpressionException($"asInt cannot read {ExpressionValues.Describe(value)} as a whole number"),
    };
}
