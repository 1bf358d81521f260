using System.Collections.Immutable;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis;

namespace Tko.Architecture;

/// <summary>One use of a type declared in another folder: where it is used and what it names.</summary>
internal sealed record FolderReference(string From, string To, string Site, string Target);

/// <summary>Which folder of the library names a type of which other folder, read from the bound source.</summary>
internal sealed class FolderGraph
{
    private readonly ImmutableArray<FolderReference> _references;

    private FolderGraph(ImmutableArray<FolderReference> references) => _references = references;

    public IEnumerable<string> Folders => _references.SelectMany(r => new[] { r.From, r.To }).Distinct().Order(StringComparer.Ordinal);

    public static FolderGraph Of(Compilation compilation)
    {
        var references = ImmutableArray.CreateBuilder<FolderReference>();
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            SemanticModel model = compilation.GetSemanticModel(tree);
            string from = LibrarySources.FolderOf(tree.FilePath);
            foreach (SimpleNameSyntax name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
            {
                if (DeclaringType(model, name) is not { } type) continue;
                foreach (Location location in type.Locations.Where(l => l.IsInSource).Take(1))
                {
                    string to = LibrarySources.FolderOf(location.SourceTree!.FilePath);
                    if (to == from) continue;
                    int line = name.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                    references.Add(new FolderReference(from, to, $"{Path.GetRelativePath(LibrarySources.ProjectDirectory, tree.FilePath)}:{line}", type.ToDisplayString()));
                }
            }
        }
        return new FolderGraph(references.ToImmutable());
    }

    /// <summary>The references from <paramref name="from"/> to <paramref name="to"/>, in source order.</summary>
    public IEnumerable<FolderReference> Between(string from, string to) => _references.Where(r => r.From == from && r.To == to);

    public IEnumerable<string> DependenciesOf(string folder) =>
        _references.Where(r => r.From == folder).Select(r => r.To).Distinct().Order(StringComparer.Ordinal);

    /// <summary>
    /// Groups of folders that reach each other (strongly connected components of more than one
    /// folder), by Tarjan's algorithm, each sorted by name.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var cycles = new List<IReadOnlyList<string>>();
        foreach (string folder in Folders)
            if (!index.ContainsKey(folder))
                Visit(folder);
        return cycles;

        void Visit(string folder)
        {
            index[folder] = low[folder] = index.Count;
            stack.Push(folder);
            onStack.Add(folder);
            foreach (string next in DependenciesOf(folder))
            {
                if (!index.ContainsKey(next))
                {
                    Visit(next);
                    low[folder] = Math.Min(low[folder], low[next]);
                }
                else if (onStack.Contains(next))
                    low[folder] = Math.Min(low[folder], index[next]);
            }
            if (low[folder] != index[folder]) return;
            var component = new List<string>();
            string member;
            do
            {
                member = stack.Pop();
                onStack.Remove(member);
                component.Add(member);
            } while (member != folder);
            if (component.Count > 1)
                cycles.Add([.. component.Order(StringComparer.Ordinal)]);
        }
    }

    /// <summary>The type a name denotes, or the type that declares the member it denotes (a method, property, extension).</summary>
    private static INamedTypeSymbol? DeclaringType(SemanticModel model, SimpleNameSyntax name)
    {
        SymbolInfo info = model.GetSymbolInfo(name);
        ISymbol? symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
        return symbol switch
        {
            INamedTypeSymbol type => type.OriginalDefinition,
            IMethodSymbol { ReducedFrom: { } extension } => extension.ContainingType,
            null or INamespaceSymbol or ITypeParameterSymbol or ILocalSymbol or IParameterSymbol or IRangeVariableSymbol => null,
            _ => symbol.ContainingType?.OriginalDefinition,
        };
    }
}
