using System.Globalization;
using System.Text;

namespace ChangeGuard.Domain.Policies.Expressions;

/// <summary>
/// Recursive-descent parser of a condition, lowest precedence first: <c>||</c>, <c>&amp;&amp;</c>, equality, comparison,
/// <c>+ -</c>, <c>* /</c>, unary, member access, primaries. Nesting is bounded so a condition cannot exhaust the stack.
/// </summary>
internal sealed class ExpressionParser(string text)
{
    private const int MaxDepth = 32;
    private int _position;
    private int _depth;

    public ExpressionNode ParseAll()
    {
        var node = ParseOr();
        SkipSpace();
        if (_position < text.Length)
        {
            throw Error($"unexpected '{text[_position]}'");
        }

        return node;
    }

    // Each level parses the next tighter one, then folds its own operators left to right.
    private ExpressionNode ParseOr() => ParseLevel(ParseAnd, () => Accept("||") || AcceptWord("or") ? "||" : null);

    private ExpressionNode ParseAnd() => ParseLevel(ParseEquality, () => Accept("&&") || AcceptWord("and") ? "&&" : null);

    private ExpressionNode ParseEquality() => ParseLevel(ParseComparison, () => AcceptAny("==", "!="));

    private ExpressionNode ParseComparison() => ParseLevel(ParseAdditive, () => AcceptAny("<=", ">=", "<", ">"));

    private ExpressionNode ParseAdditive() => ParseLevel(ParseMultiplicative, () => AcceptAny("+", "-"));

    private ExpressionNode ParseMultiplicative() => ParseLevel(ParseUnary, () => AcceptAny("*", "/"));

    private static ExpressionNode ParseLevel(Func<ExpressionNode> next, Func<string?> acceptOperator)
    {
        var left = next();
        while (acceptOperator() is { } op)
        {
            left = new BinaryNode(op, left, next());
        }

        return left;
    }

    private ExpressionNode ParseUnary()
    {
        Enter();
        try
        {
            SkipSpace();
            if (Peek("!") && !Peek("!="))
            {
                _position++;
                return new UnaryNode("!", ParseUnary());
            }

            if (AcceptWord("not"))
            {
                return new UnaryNode("!", ParseUnary());
            }

            return Accept("-") ? new UnaryNode("-", ParseUnary()) : ParsePostfix();
        }
        finally
        {
            _depth--;
        }
    }

    private ExpressionNode ParsePostfix()
    {
        var node = ParsePrimary();
        while (true)
        {
            if (Accept("."))
            {
                node = new MemberNode(node, new LiteralNode(Identifier() ?? throw Error("a field name must follow '.'")));
            }
            else if (Accept("["))
            {
                node = new MemberNode(node, ParseOr());
                Expect("]");
            }
            else
            {
                return node;
            }
        }
    }

    private ExpressionNode ParsePrimary()
    {
        SkipSpace();
        if (_position >= text.Length)
        {
            throw Error("the condition ends too early");
        }

        var c = text[_position];
        if (Accept("("))
        {
            var inner = ParseOr();
            Expect(")");
            return inner;
        }

        if (char.IsAsciiDigit(c))
        {
            return new LiteralNode(Number());
        }

        if (c is '"' or '\'')
        {
            return new LiteralNode(String(c));
        }

        var start = _position;
        var name = Identifier() ?? throw Error($"unexpected '{c}'");
        switch (name)
        {
            case "true":
                return new LiteralNode(true);
            case "false":
                return new LiteralNode(false);
            case "nil" or "null":
                return new LiteralNode(null);
            case "result":
                return new ResultNode();
        }

        if (!CallNode.Arity.TryGetValue(name, out var arity))
        {
            _position = start;
            throw Error($"unknown name '{name}': a condition reads result, literals and the functions {string.Join(", ", CallNode.Arity.Keys)}");
        }

        Expect("(");
        var arguments = new List<ExpressionNode>();
        if (!Accept(")"))
        {
            do
            {
                arguments.Add(ParseOr());
            }
            while (Accept(","));
            Expect(")");
        }

        if (arguments.Count != arity)
        {
            throw Error($"{name} takes {arity} argument(s), not {arguments.Count}");
        }

        return new CallNode(name, arguments);
    }

    private double Number()
    {
        var start = _position;
        while (_position < text.Length && (char.IsAsciiDigit(text[_position]) || text[_position] == '.'
            || text[_position] is 'e' or 'E' || (text[_position] is '+' or '-' && text[_position - 1] is 'e' or 'E')))
        {
            _position++;
        }

        return double.TryParse(text.AsSpan(start, _position - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error($"'{text[start.._position]}' is not a number");
    }

    private string String(char quote)
    {
        var start = _position++;
        var value = new StringBuilder();
        while (_position < text.Length && text[_position] != quote)
        {
            if (text[_position] == '\\' && _position + 1 < text.Length)
            {
                _position++;
                value.Append(text[_position] switch { 'n' => '\n', 't' => '\t', var other => other });
            }
            else
            {
                value.Append(text[_position]);
            }

            _position++;
        }

        if (_position >= text.Length)
        {
            _position = start;
            throw Error("a string is not closed");
        }

        _position++;
        return value.ToString();
    }

    private string? Identifier()
    {
        SkipSpace();
        var start = _position;
        while (_position < text.Length && (char.IsAsciiLetter(text[_position]) || text[_position] == '_' || (_position > start && char.IsAsciiDigit(text[_position]))))
        {
            _position++;
        }

        return _position > start ? text[start.._position] : null;
    }

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw Error($"nests deeper than {MaxDepth} levels");
        }
    }

    private bool Peek(string token)
    {
        SkipSpace();
        return string.CompareOrdinal(text, _position, token, 0, token.Length) == 0;
    }

    private bool Accept(string token)
    {
        if (!Peek(token))
        {
            return false;
        }

        _position += token.Length;
        return true;
    }

    private string? AcceptAny(params string[] tokens) => tokens.FirstOrDefault(Accept);

    private bool AcceptWord(string word)
    {
        if (!Peek(word))
        {
            return false;
        }

        var end = _position + word.Length;
        if (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_'))
        {
            return false;
        }

        _position = end;
        return true;
    }

    private void Expect(string token)
    {
        if (!Accept(token))
        {
            throw Error($"'{token}' expected");
        }
    }

    private void SkipSpace()
    {
        while (_position < text.Length && char.IsWhiteSpace(text[_position]))
        {
            _position++;
        }
    }

    private ExpressionException Error(string problem) => new($"{problem} at position {_position + 1}");
}
