using System.IO.Compression;
using Tko.Integration.Support;
using Tko.Testing;
using Xunit;

namespace Tko.Integration.Inspection;

/// <summary>
/// When a layer's entries all agree but its tar bytes do not (here: extra zero blocks after the
/// end-of-archive marker, as some tar writers pad to a record size), the cause is named
/// <c>tar encoding</c> rather than leaving only digests that differ for no visible reason.
/// </summary>
public sealed class SameEntriesDifferentBytesNameTheEncoding
{
    [Fact]
    public async Task Padded_tar_with_the_same_entries_is_a_tar_encoding_difference()
    {
        using var work = new TempDirectory("diff-encoding");
        SampleTree.Write(work.Combine("src"));
        await DiffBuilds.ToLayoutAsync(work.Combine("src"), work.Combine("a"));
        ValidatedImage image = ImageValidation.ValidateLayout(work.Combine("a")).Single();
        string b = work.Combine("b");
        CopyDirectory(work.Combine("a"), b);

        byte[] padded = [.. image.LayerTars[0], .. new byte[10 * 512]];
        byte[] gzip = Gzip(padded);
        var layer = new Descriptor(MediaTypes.OciLayerGzip, Digest.OfContent(gzip), gzip.Length);
        File.WriteAllBytes(Path.Combine(b, "blobs", "sha256", layer.Digest.Hex), gzip);
        LayoutConfigEdit.Apply(b, c => c with { RootFs = c.RootFs with { DiffIds = [Digest.OfContent(padded)] } }, m => m with { Layers = [layer] });

        ImageComparison comparison = await ImageDiff.CompareAsync("oci:" + work.Combine("a"), "oci:" + b, new DiffOptions(null, RegistryClientOptions.Default));

        Difference cause = Assert.Single(comparison.Differences);
        Assert.Equal((DifferencePart.Layer, "layers[0]", "tar encoding"), (cause.Part, cause.Where, cause.Field));
        Assert.Equal(image.Config.RootFs.DiffIds[0].ToString(), cause.A);
        Assert.Equal(Digest.OfContent(padded).ToString(), cause.B);
        Assert.Contains(comparison.DigestChanges, d => d.Field == "diffID");
    }

    private static byte[] Gzip(byte[] content)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(content);
        return output.ToArray();
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
