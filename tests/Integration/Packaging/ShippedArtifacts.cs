namespace Tko.Integration.Packaging;

/// <summary>
/// Where <c>scripts/package.sh</c> leaves the native binary and the tool package. A test that needs
/// one fails naming the script when it is missing, rather than building it behind the suite's back.
/// </summary>
public static class ShippedArtifacts
{
    /// <summary>The repository root: the first parent of the test assembly that holds Tko.sln.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The Native AOT <c>tko</c> binary.</summary>
    public static string NativeBinary => Existing(Path.Combine(RepositoryRoot, ".artifacts", "native", "tko"));

    /// <summary>The folder holding <c>tko.&lt;version&gt;.nupkg</c>.</summary>
    public static string PackageFolder
    {
        get
        {
            string folder = Path.Combine(RepositoryRoot, ".artifacts", "packages");
            return Directory.Exists(folder) && Directory.EnumerateFiles(folder, "tko.*.nupkg").Any()
                ? folder
                : throw Missing(Path.Combine(folder, "tko.*.nupkg"));
        }
    }

    private static string Existing(string path) => File.Exists(path) ? path : throw Missing(path);

    private static Exception Missing(string path) =>
        new InvalidOperationException($"{path} does not exist: run scripts/package.sh first (scripts/test.sh does)");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Tko.sln")))
                return directory.FullName;
        throw new InvalidOperationException($"no Tko.sln above {AppContext.BaseDirectory}");
    }
}
