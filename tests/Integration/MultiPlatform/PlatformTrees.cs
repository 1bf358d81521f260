namespace Tko.Integration.MultiPlatform;

/// <summary>Source trees laid out for a multi-platform build: SOURCE/os/arch[/variant] per platform, each with its own app.</summary>
internal static class PlatformTrees
{
    public static readonly Platform Amd64 = Platform.LinuxAmd64;
    public static readonly Platform Arm64 = Platform.Parse("linux/arm64");

    /// <summary>The directory a platform's artifacts go in below <paramref name="source"/>.</summary>
    public static string DirectoryOf(string source, Platform platform) =>
        Path.Combine([source, platform.Os, platform.Architecture, .. platform.Variant is null ? Array.Empty<string>() : [platform.Variant]]);

    /// <summary>Writes an executable <c>app</c> that prints the platform's name, plus <paramref name="extraBytes"/> of data that differ per platform.</summary>
    public static void Write(string source, Platform platform, int extraBytes = 0)
    {
        string directory = DirectoryOf(source, platform);
        Directory.CreateDirectory(directory);
        string app = Path.Combine(directory, "app");
        File.WriteAllText(app, $"#!/bin/sh\necho {platform}\n");
        File.SetUnixFileMode(app, (UnixFileMode)0b111_101_101);
        if (extraBytes > 0)
        {
            byte[] data = new byte[extraBytes];
            new Random(platform.ToString().Length * 31 + platform.Architecture[0]).NextBytes(data);
            File.WriteAllBytes(Path.Combine(directory, "data.bin"), data);
        }
    }

    /// <summary>Reads <paramref name="path"/> as the platform wrote it, for comparing with an unpacked image.</summary>
    public static string AppText(Platform platform) => $"#!/bin/sh\necho {platform}\n";
}
