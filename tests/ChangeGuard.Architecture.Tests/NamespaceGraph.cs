namespace ChangeGuard.Architecture.Tests;

/// <summary>
/// Which <c>ChangeGuard.*</c> namespace uses which: a file depends on the namespaces it imports, and on a parent
/// namespace whose types it names without importing it (C# makes enclosing namespaces visible).
/// </summary>
internal static class NamespaceGraph
{
    public static Dictionary<string, HashSet<string>> Build(IReadOnlyList<SourceFile> files)
    {
        var typesByNamespace = files.Where(f => f.Namespace is not null)
            .GroupBy(f => f.Namespace!)
            .ToDictionary(g => g.Key, g => g.SelectMany(f => f.DeclaredTypes).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var graph = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var file in files.Where(f => f.Namespace is { } ns && ns.StartsWith("ChangeGuard", StringComparison.Ordinal)))
        {
            var from = file.Namespace!;
            var edges = graph.TryGetValue(from, out var found) ? found : graph[from] = [];
            foreach (var used in file.Usings.Where(u => u != from && typesByNamespace.ContainsKey(u)))
            {
                edges.Add(used);
            }

            var identifiers = file.Identifiers.ToHashSet(StringComparer.Ordinal);
            foreach (var parent in Parents(from).Where(typesByNamespace.ContainsKey))
            {
                if (typesByNamespace[parent].Overlaps(identifiers))
                {
                    edges.Add(parent);
                }
            }
        }

        return graph;
    }

    /// <summary>The strongly connected groups of more than one namespace (Tarjan's algorithm).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Cycles(IReadOnlyDictionary<string, HashSet<string>> graph)
    {
        var index = 0;
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var indexes = new Dictionary<string, int>(StringComparer.Ordinal);
        var lows = new Dictionary<string, int>(StringComparer.Ordinal);
        var cycles = new List<IReadOnlyList<string>>();

        void Visit(string node)
        {
            indexes[node] = lows[node] = index++;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in graph.TryGetValue(node, out var edges) ? edges : [])
            {
                if (!indexes.ContainsKey(next))
                {
                    Visit(next);
                    lows[node] = Math.Min(lows[node], lows[next]);
                }
                else if (onStack.Contains(next))
                {
                    lows[node] = Math.Min(lows[node], indexes[next]);
                }
            }

            if (lows[node] == indexes[node])
            {
                var group = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    group.Add(member);
                }
                while (member != node);
                if (group.Count > 1)
                {
                    cycles.Add(group);
                }
            }
        }

        foreach (var node in graph.Keys.Order(StringComparer.Ordinal))
        {
            if (!indexes.ContainsKey(node))
            {
                Visit(node);
            }
        }

        return cycles;
    }

    private static IEnumerable<string> Parents(string ns)
    {
        for (var dot = ns.LastIndexOf('.'); dot > 0; dot = ns.LastIndexOf('.', dot - 1))
        {
            yield return ns[..dot];
        }
    }
}
