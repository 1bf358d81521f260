namespace Tko.Building;

/// <summary>
/// Checks that every platform's source directory exists before a registry or the output is
/// touched, so a missing one fails the build with nothing pushed or written.
/// </summary>
internal static class PlatformSources
{
    public static void RequireAll(BuildPlan plan)
    {
        foreach (BuildSpec platform in plan.Platforms)
        {
            string path = platform.SourceDirectory;
            if (Directory.Exists(path)) continue;
            string which = plan.IsIndex ? $"for {platform.Platforms[0]} " : "";
            if (File.Exists(path))
                throw new SourceException(path, $"the source {which}must be a directory of build artifacts, not a file");
            string layout = plan.IsIndex ? "; a multi-platform build reads each platform's artifacts from SOURCE/os/arch[/variant] unless an override names its source" : "";
            throw new SourceException(path, $"the source directory {which}does not exist{layout}");
        }
    }
}
