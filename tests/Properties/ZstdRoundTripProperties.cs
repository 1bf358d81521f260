using System.Text.RegularExpressions;
using Tko.Properties.Trees;
using Tko.Testing;

namespace Tko.Properties;

/// <summary>
/// Every zstd layer is zstd frames back to back, one per chunk, each with a checksum and no
/// dictionary, and GNU zstd decompresses it to the tar whose SHA-256 is the diffID.
/// </summary>
public sealed partial class ZstdRoundTripProperties
{
    [TreeProperty]
    public bool Zstd_decompresses_with_gnu_zstd_to_the_tar_of_the_diffid_one_frame_per_chunk(TreeSpec tree, bool smallChunks, byte level)
    {
        using var source = new TempDirectory("prop-src");
        TreeMaterializer.Write(tree, source.Path, seed: 6);
        int chunkSize = smallChunks ? 64 * 1024 : LayerOptions.DefaultChunkSize;
        LayerOptions options = LayerOptions.Default.WithCompression(LayerCompression.Zstd).WithCompressionLevel(1 + level % 9).WithChunkSize(chunkSize);
        InMemoryLayer layer = InMemoryLayer.BuildAsync(source.Path, options).GetAwaiter().GetResult();

        using var scratch = new TempDirectory("prop-zst");
        string file = scratch.Combine("layer.zst");
        File.WriteAllBytes(file, layer.Blob);
        string zstd = RequiredTool.Find("zstd", "zstd");
        byte[] gnuTar = ProcessRunner.RunCheckedAsync(zstd, ["-dc", file]).GetAwaiter().GetResult().RawOutput;
        string listing = ProcessRunner.RunCheckedAsync(zstd, ["-lv", file]).GetAwaiter().GetResult().StandardOutput;

        long chunks = (layer.Result.UncompressedSize + chunkSize - 1) / chunkSize;
        return Digest.OfContent(gnuTar) == layer.Result.DiffId
            && gnuTar.Length == layer.Result.UncompressedSize
            && ImageValidation.Unzstd(layer.Blob).AsSpan().SequenceEqual(gnuTar)
            && Digest.OfContent(layer.Blob) == layer.Result.Digest
            && layer.Blob.Length == layer.Result.Size
            && Frames().Match(listing) is { Success: true } frames && long.Parse(frames.Groups[1].Value) == chunks
            && Regex.IsMatch(listing, @"^DictID: 0$", RegexOptions.Multiline)
            && Regex.IsMatch(listing, @"^Check: XXH64\b", RegexOptions.Multiline);
    }

    [GeneratedRegex(@"^# Zstandard Frames: (\d+)$", RegexOptions.Multiline)]
    private static partial Regex Frames();
}
