using System.Globalization;
using System.Text.RegularExpressions;

namespace Tko.FileSystem;

/// <summary>
/// Temporary files and directories (upload spools, output staging) are named
/// <c>PREFIX{pid}-{start time}-{random}…</c> after the process that made them, so a run killed with
/// kill -9 leaves names a later run can recognise: <see cref="Sweep"/> removes those whose process
/// is gone and never touches a running process's.
/// </summary>
internal static partial class Leftovers
{
    /// <summary>A fresh name owned by this process: <paramref name="prefix"/>, pid, start time, 32 hex digits, <paramref name="suffix"/>.</summary>
    public static string Name(string prefix, string suffix = "") =>
        $"{prefix}{OwnerProcess.Current.Pid}-{OwnerProcess.Current.StartTime}-{Guid.NewGuid():N}{suffix}";

    /// <summary>The process that owns <paramref name="name"/>, if it was made by <see cref="Name"/> with <paramref name="prefix"/>.</summary>
    public static OwnerProcess? OwnerOf(string name, string prefix)
    {
        if (!name.StartsWith(prefix, StringComparison.Ordinal)) return null;
        Match match = OwnedTail().Match(name, prefix.Length);
        if (!match.Success || match.Index != prefix.Length) return null;
        return int.TryParse(match.Groups["pid"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int pid)
            && long.TryParse(match.Groups["start"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out long start)
                ? new OwnerProcess(pid, start)
                : null;
    }

    /// <summary>Removes the entries of <paramref name="directory"/> named with <paramref name="prefix"/> whose process is gone; best effort, silent.</summary>
    public static void Sweep(string directory, string prefix)
    {
        IEnumerable<string> entries;
        try
        {
            entries = Directory.EnumerateFileSystemEntries(directory, prefix + "*", new EnumerationOptions { AttributesToSkip = 0, MatchType = MatchType.Simple });
            foreach (string entry in entries.ToList())
                if (OwnerOf(Path.GetFileName(entry), prefix) is { } owner && !owner.IsRunning())
                    Remove(entry);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another run may be sweeping the same directory, or it is not ours to clean.
        }
    }

    private static void Remove(string entry)
    {
        try
        {
            // lstat: a link is removed as a link, never followed.
            if (Lstat.Of(entry).Kind == FileKind.Directory) Directory.Delete(entry, recursive: true);
            else File.Delete(entry);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    [GeneratedRegex("(?<pid>[0-9]+)-(?<start>[0-9]+)-[0-9a-f]{32}", RegexOptions.CultureInvariant)]
    private static partial Regex OwnedTail();
}
