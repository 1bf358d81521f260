namespace Tko;

/// <summary>
/// The platform a .NET runtime identifier (<c>linux-x64</c>, <c>linux-musl-arm64</c>…) means, so
/// that a RID written where an OCI platform belongs is refused with the platform to write instead.
/// </summary>
internal static class RuntimeIdentifierPlatform
{
    private static readonly Dictionary<string, string> Architectures = new(StringComparer.Ordinal)
    {
        ["x64"] = "amd64", ["arm64"] = "arm64", ["arm"] = "arm/v7", ["x86"] = "386",
        ["s390x"] = "s390x", ["ppc64le"] = "ppc64le", ["riscv64"] = "riscv64", ["loongarch64"] = "loong64",
    };

    private static readonly Dictionary<string, string> Systems = new(StringComparer.Ordinal)
    {
        ["linux"] = "linux", ["linux-musl"] = "linux", ["linux-bionic"] = "linux", ["win"] = "windows", ["osx"] = "darwin", ["freebsd"] = "freebsd",
    };

    /// <summary>The <c>os/arch[/variant]</c> that <paramref name="text"/> means when it is a RID; null otherwise.</summary>
    public static string? Meant(string text)
    {
        int dash = text.LastIndexOf('-');
        if (dash <= 0) return null;
        return Systems.TryGetValue(text[..dash], out string? os) && Architectures.TryGetValue(text[(dash + 1)..], out string? arch)
            ? $"{os}/{arch}"
            : null;
    }
}
