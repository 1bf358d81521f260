using System.Formats.Tar;
using System.Text;
using System.Text.Json.Nodes;
using Tko.Model;
using Tko.Testing;

namespace Tko.Integration.Support;

/// <summary>
/// Turns a good OCI layout or tarball into a hostile one: huge documents as sparse files (no disk,
/// no time), blobs replaced by links or fifos. Everything else stays valid, so only the one fault
/// can be what tko refuses.
/// </summary>
public static class HostileLayout
{
    /// <summary>Makes <paramref name="path"/> a sparse file of <paramref name="size"/> zero bytes.</summary>
    public static void Sparse(string path, long size)
    {
        File.Delete(path);
        using FileStream file = File.Create(path);
        file.SetLength(size);
    }

    /// <summary>The path of the blob of the layout's single image's config.</summary>
    public static string ConfigBlob(string layout) =>
        Blob(layout, ImageValidation.ValidateLayout(layout).Single().Manifest.Config.Digest);

    /// <summary>The path of the blob of the layout's single image's first layer.</summary>
    public static string FirstLayerBlob(string layout) =>
        Blob(layout, ImageValidation.ValidateLayout(layout).Single().Manifest.Layers[0].Digest);

    public static string Blob(string layout, Digest digest) => Path.Combine(layout, "blobs", digest.Algorithm, digest.Hex);

    /// <summary>Declares the config <paramref name="size"/> bytes long and makes its blob that size (sparse); manifest and index.json are rewritten to match.</summary>
    public static void GrowConfig(string layout, long size)
    {
        string indexPath = Path.Combine(layout, "index.json");
        JsonNode index = JsonNode.Parse(File.ReadAllText(indexPath))!;
        JsonNode entry = index["manifests"]![0]!;
        string manifestPath = Blob(layout, Digest.Parse((string)entry["digest"]!));
        JsonNode manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!;
        manifest["config"]!["size"] = size;
        Sparse(Blob(layout, Digest.Parse((string)manifest["config"]!["digest"]!)), size);

        byte[] rewritten = Encoding.UTF8.GetBytes(manifest.ToJsonString());
        Digest digest = Digest.OfContent(rewritten);
        File.WriteAllBytes(Blob(layout, digest), rewritten);
        entry["digest"] = digest.ToString();
        entry["size"] = rewritten.Length;
        File.WriteAllText(indexPath, index.ToJsonString());
    }

    /// <summary>Replaces the blob at <paramref name="blob"/> by a link to a copy of it outside the layout, in <paramref name="outside"/>.</summary>
    public static void LinkOutside(string blob, string outside)
    {
        string copy = Path.Combine(outside, Path.GetFileName(blob));
        File.Copy(blob, copy);
        File.Delete(blob);
        File.CreateSymbolicLink(blob, copy);
    }

    /// <summary>
    /// A docker-save tarball (manifest.json only) naming config.json, whose members are
    /// <paramref name="manifestSize"/> and <paramref name="configSize"/> bytes: a member larger than
    /// its JSON is padded with zeros that lie in a hole of the sparse tar file.
    /// </summary>
    public static void DockerArchive(string path, long manifestSize, long configSize)
    {
        byte[] manifest = Encoding.UTF8.GetBytes("""[{"Config":"config.json","RepoTags":["app:v1"],"Layers":[]}]""");
        byte[] config = Encoding.UTF8.GetBytes("""{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]}}""");
        using FileStream file = File.Create(path);
        WriteMember(file, "manifest.json", manifest, manifestSize);
        WriteMember(file, "config.json", config, configSize);
        file.SetLength(file.Position + 2 * 512);
    }

    private static void WriteMember(FileStream file, string name, byte[] content, long size)
    {
        size = Math.Max(size, content.Length);
        // The header is made by TarWriter for an empty member and given the real size, so the
        // member's data can be left to SetLength instead of being written.
        var header = new MemoryStream();
        using (var writer = new TarWriter(header, TarEntryFormat.Ustar, leaveOpen: true))
            writer.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, name) { Mode = UnixFileMode.UserRead });
        byte[] block = header.ToArray()[..512];
        Encoding.ASCII.GetBytes(Convert.ToString(size, 8).PadLeft(11, '0') + "\0").CopyTo(block, 124);
        Encoding.ASCII.GetBytes("        ").CopyTo(block, 148);
        int sum = block.Sum(b => b);
        Encoding.ASCII.GetBytes(Convert.ToString(sum, 8).PadLeft(6, '0') + "\0 ").CopyTo(block, 148);
        file.Write(block);
        file.Write(content);
        long end = file.Position - content.Length + (size + 511) / 512 * 512;
        file.SetLength(end);
        file.Position = end;
    }
}
