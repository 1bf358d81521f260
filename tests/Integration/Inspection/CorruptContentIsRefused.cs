using Tko.Integration.Support;
using Tko.Testing;
using Xunit;

namespace Tko.Integration.Inspection;

/// <summary>A layer whose bytes do not match its digest is refused, naming the digest, never compared.</summary>
public sealed class CorruptContentIsRefused
{
    [Fact]
    public async Task A_changed_byte_in_a_layer_fails_naming_its_digest()
    {
        using var work = new TempDirectory("diff-corrupt");
        SampleTree.Write(work.Combine("src"));
        await DiffBuilds.ToLayoutAsync(work.Combine("src"), work.Combine("a"));
        File.AppendAllText(work.Combine("src", "app"), "# changed\n");
        await DiffBuilds.ToLayoutAsync(work.Combine("src"), work.Combine("b"));
        Descriptor layer = ImageValidation.ValidateLayout(work.Combine("b")).Single().Manifest.Layers[0];
        string blob = work.Combine("b", "blobs", "sha256", layer.Digest.Hex);
        byte[] bytes = File.ReadAllBytes(blob);
        bytes[bytes.Length / 2] ^= 0x55;
        File.WriteAllBytes(blob, bytes);

        var refused = await Assert.ThrowsAsync<DigestMismatchException>(() =>
            ImageDiff.CompareAsync("oci:" + work.Combine("a"), "oci:" + work.Combine("b"), new DiffOptions(null, RegistryClientOptions.Default)));

        Assert.Equal(layer.Digest, refused.Expected);
        Assert.Contains(layer.Digest.ToString(), refused.Message, StringComparison.Ordinal);
    }
}
