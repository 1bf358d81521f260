using System.Formats.Tar;
using Tko.Properties.Trees;
using Tko.Testing;

namespace Tko.Properties;

/// <summary>GNU tar and System.Formats.Tar read back every entry with the intended name, mode, size, link target and content.</summary>
public sealed class TarReadBackProperties
{
    private static readonly LayerOptions Options = LayerOptions.Default.WithChunkSize(64 * 1024);

    [TreeProperty]
    public bool System_Formats_Tar_reads_every_entry_as_planned(TreeSpec tree)
    {
        using var source = new TempDirectory("prop-src");
        TreeMaterializer.Write(tree, source.Path, seed: 6);
        InMemoryLayer layer = InMemoryLayer.BuildAsync(source.Path, Options).GetAwaiter().GetResult();
        IReadOnlyList<ExpectedEntry> expected = ExpectedEntry.For(tree, File.GetUnixFileMode(source.Path));

        using var reader = new TarReader(new MemoryStream(ImageValidation.Gunzip(layer.Gzip)));
        var actual = new List<TarEntry>();
        while (reader.GetNextEntry(copyData: true) is { } entry) actual.Add(entry);

        if (actual.Count != expected.Count)
            throw new Xunit.Sdk.XunitException($"{actual.Count} entries read, {expected.Count} expected");
        for (int i = 0; i < expected.Count; i++)
            MatchEntry(expected[i], actual[i]);
        return true;
    }

    [TreeProperty]
    public bool Gnu_tar_extracts_every_entry_as_planned(TreeSpec tree)
    {
        string tar = RequiredTool.Find("tar", "tar");
        using var source = new TempDirectory("prop-src");
        using var extracted = new TempDirectory("prop-x");
        TreeMaterializer.Write(tree, source.Path, seed: 7);
        InMemoryLayer layer = InMemoryLayer.BuildAsync(source.Path, Options).GetAwaiter().GetResult();
        string layerFile = extracted.Combine("layer.tar.gz");
        File.WriteAllBytes(layerFile, layer.Gzip);
        string root = extracted.Combine("root");
        Directory.CreateDirectory(root);
        ProcessRunner.RunCheckedAsync(tar, ["-xzf", layerFile, "-C", root, "--same-permissions", "--numeric-owner"]).GetAwaiter().GetResult();

        IReadOnlyList<ExpectedEntry> expected = ExpectedEntry.For(tree, File.GetUnixFileMode(source.Path));
        foreach (ExpectedEntry entry in expected)
            MatchExtracted(entry, Path.Combine(root, entry.PathWithoutSlash));
        int extractedCount = DirectoryListing.Walk(root).Count();
        if (extractedCount != expected.Count)
            throw new Xunit.Sdk.XunitException($"GNU tar extracted {extractedCount} objects, {expected.Count} expected");
        return true;
    }

    private static void MatchEntry(ExpectedEntry expected, TarEntry actual)
    {
        void Same<T>(T want, T got, string field)
        {
            if (!EqualityComparer<T>.Default.Equals(want, got))
                throw new Xunit.Sdk.XunitException($"{expected.Name}: {field} is {got}, expected {want}");
        }
        Same(expected.Name, actual.Name, "name");
        Same(expected.Kind switch
        {
            TreeNodeKind.Directory => TarEntryType.Directory,
            TreeNodeKind.Symlink => TarEntryType.SymbolicLink,
            _ => TarEntryType.RegularFile,
        }, actual.EntryType, "type");
        Same(expected.Mode, actual.Mode, "mode");
        Same((long)expected.Size, actual.Length, "size");
        Same(0, actual.Uid, "uid");
        Same(0, actual.Gid, "gid");
        Same(DateTimeOffset.UnixEpoch, actual.ModificationTime, "mtime");
        if (expected.Kind == TreeNodeKind.Symlink) Same(expected.LinkTarget, actual.LinkName, "link target");
        if (expected.Kind == TreeNodeKind.File)
        {
            var content = new MemoryStream();
            actual.DataStream?.CopyTo(content);
            if (!ExpectedEntry.SameBytes(expected.Content(), content.ToArray()))
                throw new Xunit.Sdk.XunitException($"{expected.Name}: content differs");
        }
    }

    private static void MatchExtracted(ExpectedEntry expected, string path)
    {
        FileSystemInfo info = expected.Kind == TreeNodeKind.Directory ? new DirectoryInfo(path) : new FileInfo(path);
        if (!info.Exists && info.LinkTarget is null)
            throw new Xunit.Sdk.XunitException($"{expected.Name}: GNU tar did not extract it");
        switch (expected.Kind)
        {
            case TreeNodeKind.Symlink:
                if (info.LinkTarget != expected.LinkTarget)
                    throw new Xunit.Sdk.XunitException($"{expected.Name}: link target is {info.LinkTarget}, expected {expected.LinkTarget}");
                return;
            case TreeNodeKind.File:
                if (!ExpectedEntry.SameBytes(expected.Content(), File.ReadAllBytes(path)))
                    throw new Xunit.Sdk.XunitException($"{expected.Name}: content differs after GNU tar");
                break;
        }
        if (info.UnixFileMode != expected.Mode)
            throw new Xunit.Sdk.XunitException($"{expected.Name}: mode is {Convert.ToString((int)info.UnixFileMode, 8)} after GNU tar, expected {Convert.ToString((int)expected.Mode, 8)}");
    }
}
