namespace Tko.Cli;

/// <summary>The values of <c>--target-type</c>, spelled as the original tko spells them.</summary>
internal static class TargetType
{
    public const string Remote = "REMOTE";
    public const string LocalDaemon = "LOCAL_DAEMON";
    public const string LocalFile = "LOCAL_FILE";
    public const string OciLayout = "OCI_LAYOUT";

    public static readonly string[] All = [Remote, LocalDaemon, LocalFile, OciLayout];
}
