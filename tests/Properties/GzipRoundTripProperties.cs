using System.IO.Compression;
using Tko.Properties.Trees;
using Tko.Testing;

namespace Tko.Properties;

/// <summary>Every layer is one standard gzip member that decompresses, with .NET and GNU gzip, to the tar whose SHA-256 is the diffID.</summary>
public sealed class GzipRoundTripProperties
{
    [TreeProperty]
    public bool Gzip_decompresses_with_dotnet_and_gnu_gzip_to_the_tar_of_the_diffid(TreeSpec tree, bool smallChunks, byte level)
    {
        using var source = new TempDirectory("prop-src");
        TreeMaterializer.Write(tree, source.Path, seed: 5);
        LayerOptions options = LayerOptions.Default.WithCompressionLevel(level % 10).WithChunkSize(smallChunks ? 64 * 1024 : LayerOptions.DefaultChunkSize);
        InMemoryLayer layer = InMemoryLayer.BuildAsync(source.Path, options).GetAwaiter().GetResult();

        byte[] dotnetTar = ImageValidation.Gunzip(layer.Gzip);
        byte[] gnuTar = GnuGunzip(layer.Gzip);

        return Digest.OfContent(dotnetTar) == layer.Result.DiffId
            && dotnetTar.AsSpan().SequenceEqual(gnuTar)
            && dotnetTar.Length == layer.Result.UncompressedSize
            && layer.Gzip.Length == layer.Result.Size
            && Digest.OfContent(layer.Gzip) == layer.Result.Digest
            && IsSingleMember(layer.Gzip);
    }

    private static byte[] GnuGunzip(byte[] gzip)
    {
        string gzipPath = RequiredTool.Find("gzip", "gzip");
        using var scratch = new TempDirectory("prop-gz");
        string file = scratch.Combine("layer.gz");
        File.WriteAllBytes(file, gzip);
        ProcessResult result = ProcessRunner.RunCheckedAsync(gzipPath, ["-dc", file]).GetAwaiter().GetResult();
        return result.RawOutput;
    }

    /// <summary>One member: a decoder that stops at the first member's end has consumed the whole blob.</summary>
    private static bool IsSingleMember(byte[] gzip)
    {
        using var input = new MemoryStream(gzip);
        using (var first = new GZipStream(input, CompressionMode.Decompress, leaveOpen: true))
            first.CopyTo(Stream.Null);
        return gzip[0] == 0x1f && gzip[1] == 0x8b && gzip[3] == 0 && BitConverter.ToUInt32(gzip, 4) == 0;
    }
}
