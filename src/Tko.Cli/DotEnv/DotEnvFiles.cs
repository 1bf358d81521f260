using System.Collections.Immutable;

namespace Tko.Cli.DotEnv;

/// <summary>
/// <c>.env.local</c> and <c>.env</c> of the working directory under the process environment, as
/// the Go tko loads them: it loads <c>.env.local</c>, then <c>.env</c>, and godotenv never replaces
/// a variable that is already set, so the process environment wins over <c>.env.local</c>, which
/// wins over <c>.env</c>. Only tko's own variables (<c>TKO_*</c>) are taken from the files: they
/// often hold an application's settings too, which are no business of the build. Unlike the Go
/// tko, which ignores a file it cannot parse, a malformed file is an error naming its line.
/// </summary>
internal static class DotEnvFiles
{
    /// <summary>The files read from the working directory, the first one's values winning.</summary>
    public static readonly ImmutableArray<string> Names = [".env.local", ".env"];

    /// <summary>The prefix of the variables the files may set.</summary>
    public const string TkoPrefix = "TKO_";

    /// <summary>
    /// <paramref name="environment"/> with the files of <paramref name="workingDirectory"/> under it: a
    /// variable it has (even empty) is its value; a <c>TKO_*</c> one it lacks comes from the files.
    /// The files are read and checked now, whether or not a variable of theirs is asked for.
    /// </summary>
    /// <exception cref="OptionException">A file is malformed, unreadable or too large.</exception>
    public static EnvironmentVariables Under(Func<string, string?> environment, string workingDirectory) =>
        new(environment, [.. Names
            .Select(name => (File: name, Variables: Read(name, Path.Combine(workingDirectory, name))))
            .Where(file => file.Variables is not null)
            .Select(file => (file.File, file.Variables!))]);

    /// <summary>The variables of one file, or null when there is no such file.</summary>
    private static ImmutableDictionary<string, DotEnvVariable>? Read(string shown, string path)
    {
        if (!File.Exists(path)) return null;
        byte[] bytes;
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 12, FileOptions.SequentialScan);
            bytes = BoundedDocument.Read(file, BoundedDocument.SettingsCap,
                () => new OptionException(shown, $"the variables file {BoundedDocument.TooLarge(BoundedDocument.SettingsCap)}"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OptionException(shown, $"cannot read the variables file ({e.Message}); fix its permissions or remove it");
        }
        string text = new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true).ReadToEnd();
        return DotEnvSyntax.Parse(shown, text).ToImmutableDictionary(v => v.Name, StringComparer.Ordinal);
    }
}
