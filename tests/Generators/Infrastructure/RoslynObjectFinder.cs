using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace Tko.Generators.Tests.Infrastructure;

/// <summary>
/// Walks a pipeline output's object graph looking for Roslyn objects that would keep old compilations
/// alive and break caching (symbols, syntax, compilations, locations).
/// </summary>
internal static class RoslynObjectFinder
{
    private static readonly Type[] Forbidden =
    [
        typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Compilation), typeof(SemanticModel), typeof(Location),
    ];

    /// <summary>Paths (such as <c>output.Target.Members[0]</c>) at which a forbidden object was found.</summary>
    public static IReadOnlyList<string> Find(object? root)
    {
        var found = new List<string>();
        Visit(root, "output", found, new HashSet<object>(ReferenceEqualityComparer.Instance));
        return found;
    }

    private static void Visit(object? value, string path, List<string> found, HashSet<object> visited)
    {
        if (value is null or string || value.GetType() is { IsPrimitive: true } or { IsEnum: true } or { IsPointer: true })
        {
            return;
        }

        var type = value.GetType();
        if (Forbidden.Any(forbidden => forbidden.IsAssignableFrom(type)))
        {
            found.Add($"{path}: {type.Name}");
            return;
        }

        if (!type.IsValueType && !visited.Add(value))
        {
            return;
        }

        if (value is IEnumerable items)
        {
            var index = 0;
            foreach (var item in items)
            {
                Visit(item, $"{path}[{index++}]", found, visited);
            }

            return;
        }

        for (var declaring = type; declaring is not null && declaring != typeof(object); declaring = declaring.BaseType)
        {
            foreach (var field in declaring.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                Visit(field.GetValue(value), $"{path}.{field.Name}", found, visited);
            }
        }
    }
}
