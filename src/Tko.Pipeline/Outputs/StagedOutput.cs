using Tko.FileSystem;

namespace Tko.Outputs;

/// <summary>
/// A build's output is assembled in a hidden sibling of its destination and renamed into place
/// only when complete, so a failed or cancelled build leaves nothing half-written.
/// </summary>
internal sealed class StagedOutput : IDisposable
{
    private StagedOutput(Target target, string given, string destination, string stagingRoot)
    {
        Target = target;
        Given = given;
        Destination = destination;
        StagingRoot = stagingRoot;
    }

    public Target Target { get; }

    /// <summary>The output path as given, for messages.</summary>
    public string Given { get; }

    /// <summary>The full path the output ends up at.</summary>
    public string Destination { get; }

    /// <summary>A fresh directory on the destination's file system for the layout being built.</summary>
    public string StagingRoot { get; }

    /// <summary>Where the tarball is written before it is renamed (tarball targets only).</summary>
    public string StagingTarball => StagingRoot + ".tar";

    /// <summary>Checks the destination can be written and makes the staging directory.</summary>
    public static StagedOutput Begin(Target target)
    {
        if (target.Path is not { } given || string.IsNullOrWhiteSpace(given))
            throw new OptionException($"{nameof(Target)}.{nameof(Target.Path)}", "the output path is empty");
        string destination = Path.GetFullPath(Path.TrimEndingDirectorySeparator(given));
        string parent = Path.GetDirectoryName(destination) ?? throw new OutputException(given, "cannot write the output at the root of the file system");
        if (!Directory.Exists(parent))
            throw new OutputException(given, $"its directory {parent} does not exist; create it or choose another --output");
        CheckReplaceable(target.Kind, given, destination);

        // Named after this process: a run killed with kill -9 leaves its staging behind, and the
        // next build of the same output removes it (never a running build's).
        string prefix = StagingPrefix(destination);
        Leftovers.Sweep(parent, prefix);
        string staging = Path.Combine(parent, Leftovers.Name(prefix));
        try
        {
            Directory.CreateDirectory(staging);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputException(given, $"cannot write in {parent} ({e.Message})", e);
        }
        return new StagedOutput(target, given, destination, staging);
    }

    /// <summary>The hidden name staging for <paramref name="destination"/> starts with: <c>.NAME.tko-</c>.</summary>
    internal static string StagingPrefix(string destination) => $".{Path.GetFileName(destination)}.tko-";

    private static void CheckReplaceable(TargetKind kind, string given, string destination)
    {
        if (kind == TargetKind.DockerTarball)
        {
            if (Directory.Exists(destination))
                throw new OutputException(given, "is a directory; a docker tarball needs a file path such as out.tar");
            return;
        }
        if (File.Exists(destination))
            throw new OutputException(given, "is a file; an OCI layout needs a directory path such as out-oci");
        if (Directory.Exists(destination)
            && !File.Exists(Path.Combine(destination, "oci-layout"))
            && Directory.EnumerateFileSystemEntries(destination).Any())
            throw new OutputException(given, "exists and is not an OCI layout; tko replaces only its own outputs, so remove it or choose another --output");
    }

    /// <summary>Moves the finished output into place, replacing an earlier one.</summary>
    public void Commit()
    {
        try
        {
            if (Target.Kind == TargetKind.DockerTarball)
            {
                File.Move(StagingTarball, Destination, overwrite: true);
            }
            else
            {
                string? previous = null;
                if (Directory.Exists(Destination))
                {
                    previous = StagingRoot + ".previous";
                    Directory.Move(Destination, previous);
                }
                try
                {
                    Directory.Move(StagingRoot, Destination);
                }
                catch when (previous is not null)
                {
                    Directory.Move(previous, Destination); // put the earlier output back rather than leave it hidden
                    throw;
                }
                if (previous is not null) Directory.Delete(previous, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputException(Given, $"cannot be put in place ({e.Message})", e);
        }
    }

    /// <summary>Removes whatever the staging left behind.</summary>
    public void Dispose()
    {
        if (Directory.Exists(StagingRoot)) Directory.Delete(StagingRoot, recursive: true);
        if (File.Exists(StagingTarball)) File.Delete(StagingTarball);
    }
}
