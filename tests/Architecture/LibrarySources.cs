using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis;

namespace Tko.Architecture;

/// <summary>
/// The library's own source files, compiled by Roslyn against the assemblies the library is built
/// with, so that every name in them can be bound to the file that declares it.
/// </summary>
internal static class LibrarySources
{
    public static string ProjectDirectory { get; } = Path.Combine(RepositoryRoot(), "src", "Tko.Pipeline");

    public static CSharpCompilation Compile()
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Preview);
        SyntaxTree[] trees = [.. Directory.EnumerateFiles(ProjectDirectory, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(path))
            .Order(StringComparer.Ordinal)
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), parseOptions, path))];
        return CSharpCompilation.Create("Tko.Pipeline.Sources", trees, References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));
    }

    /// <summary>The folder a file sits in, relative to the project: its first path segment, or "" at the root.</summary>
    public static string FolderOf(string path)
    {
        string relative = Path.GetRelativePath(ProjectDirectory, path);
        int slash = relative.IndexOf(Path.DirectorySeparatorChar);
        return slash < 0 ? "" : relative[..slash];
    }

    private static bool IsBuildOutput(string path)
    {
        string relative = Path.GetRelativePath(ProjectDirectory, path);
        return relative.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || relative.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    private static IEnumerable<MetadataReference> References()
    {
        string platform = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        IEnumerable<string> packages = Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll")
            .Where(path => !Path.GetFileName(path).StartsWith("Tko.", StringComparison.Ordinal));
        return platform.Split(Path.PathSeparator).Concat(packages)
            .DistinctBy(Path.GetFileName, StringComparer.Ordinal)
            .Select(path => MetadataReference.CreateFromFile(path));
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Tko.sln")))
                return directory.FullName;
        throw new InvalidOperationException($"no Tko.sln above {AppContext.BaseDirectory}");
    }
}
