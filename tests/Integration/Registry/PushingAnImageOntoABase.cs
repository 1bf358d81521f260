using System.Runtime.InteropServices;
using System.Text.Json;
using Tko.Testing.Registry;
using Tko.Testing;
using Xunit;

namespace Tko.Integration.Registry;

/// <summary>
/// The whole push through the client, as the build does it: pull busybox, put its blobs into the
/// target, stream a new layer from the pipeline into the upload sink, push config, manifest and
/// tags; skopeo then reads the image, and a second push (uploading after the digest) sends no layer bytes.
/// </summary>
public sealed class PushingAnImageOntoABase
{
    private static Platform Host => RuntimeInformation.OSArchitecture == Architecture.Arm64 ? new Platform("arm64", "linux") : Platform.LinuxAmd64;

    private static async Task<Descriptor> PushAsync(RegistryClient client, ImageReference source, ImageReference target, string sourceDirectory, LayerUploadMode mode)
    {
        PulledImage baseImage = await client.PullAsync(source, Host);
        Task<System.Collections.Immutable.ImmutableList<BlobTransfer>> baseBlobs = client.EnsureBlobsAsync(source, target, baseImage.Layers);

        var entries = LayerPlanner.Plan(SourceScanner.Scan(sourceDirectory), "/tko-app", 0, 0, FileModes.Kept);
        LayerResult layer;
        await using (LayerUpload upload = await client.StartLayerUploadAsync(target, mode))
        {
            layer = await LayerPipeline.RunAsync(entries, LayerOptions.Default, upload, ProgressReporter.None);
            await upload.CompleteAsync(layer.Digest);
        }
        await baseBlobs;

        var family = baseImage.Family;
        ImageConfig config = baseImage.ConfigDocument with
        {
            RootFs = baseImage.ConfigDocument.RootFs with { DiffIds = baseImage.ConfigDocument.RootFs.DiffIds.Add(layer.DiffId) },
        };
        Descriptor configDescriptor = await client.PutBlobAsync(target, CanonicalJson.Serialize(config), family.ConfigMediaType);
        var manifest = new Manifest(family.ManifestMediaType, configDescriptor, baseImage.Layers.Add(new Descriptor(family.LayerMediaType, layer.Digest, layer.Size)));
        return await client.PushManifestAsync(target, CanonicalJson.Serialize(manifest), family.ManifestMediaType, [target.Tag!, "latest"]);
    }

    [Fact]
    public async Task Image_pushed_onto_busybox_reads_back_with_skopeo_and_a_second_push_sends_no_layer()
    {
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions());
        ImageReference source = ImageReference.Parse(await BusyboxImage.PushAsync(registry, "base/busybox"));
        ImageReference target = ImageReference.Parse($"{registry.Host}/team/app:v1");
        using var tree = new TempDirectory("registry-tree");
        File.WriteAllText(tree.Combine("hello.txt"), "hello from tko\n");
        File.WriteAllBytes(tree.Combine("data.bin"), RandomBlob.Create(3 << 20, seed: 9).Bytes);
        using RegistryClient client = new TestClients().Create(registry);

        Descriptor first = await PushAsync(client, source, target, tree.Path, LayerUploadMode.Streaming);
        int patchesAfterFirst = (await registry.WaitForRequestsAsync(r => r.Any(x => x.Method == "PUT" && x.Path == "/v2/team/app/manifests/latest"))).Count(r => r.Method == "PATCH");
        // The target's tag exists: a build that sees that uploads after the digest is known.
        Assert.NotNull(await client.HeadManifestAsync(target));
        Descriptor second = await PushAsync(client, source, target, tree.Path, LayerUploadMode.AfterDigest);

        Assert.Equal(first, second);
        using JsonDocument inspected = JsonDocument.Parse((await Skopeo.InspectAsync(target.ToString(), registry)).StandardOutput);
        Assert.Equal(first.Digest.ToString(), inspected.RootElement.GetProperty("Digest").GetString());
        Assert.Equal(2, inspected.RootElement.GetProperty("Layers").GetArrayLength());
        var requests = await registry.WaitForRequestsAsync(r => r.Count(x => x.Method == "PUT" && x.Path == "/v2/team/app/manifests/latest") == 2);
        Assert.True(patchesAfterFirst > 0);
        Assert.Equal(patchesAfterFirst, requests.Count(r => r.Method == "PATCH"));
        Assert.Single(requests, r => r.Method == "POST" && r.Path.Contains("mount=") && r.Status == 201);
    }
}
