using System.Runtime.InteropServices;
using Tko.Testing;
using Tko.Testing.Registry;
using Xunit;

namespace Tko.Integration.Registry;

/// <summary>
/// Fifty pushes onto a busybox base through a relay that breaks about one request in ten at random
/// (a cut response, a reset connection or a 503): every push succeeds with the same digest, and
/// every image read back is complete. Excluded from the default run (Category=Soak); see README.
/// </summary>
public sealed class PushSoak
{
    private const int Pushes = 50;

    [Fact]
    [Trait("Category", "Soak")]
    public async Task Fifty_pushes_under_random_faults_give_one_digest_and_complete_images()
    {
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions());
        string baseRef = await BusyboxImage.PushAsync(registry, "base");
        var random = new Random(2026);
        RelayFault[] faults = [RelayFault.CutResponse, RelayFault.Reset, RelayFault.ServiceUnavailable];
        await using FaultRelay relay = FaultRelay.Start(registry, request =>
        {
            lock (random)
            {
                if (random.NextDouble() >= 0.10) return RelayFault.None;
                RelayFault fault = faults[random.Next(faults.Length)];
                // Only a GET is sure to have a body to cut.
                return fault == RelayFault.CutResponse && !request.StartsWith("GET ", StringComparison.Ordinal) ? RelayFault.Reset : fault;
            }
        });
        using var work = new TempDirectory("soak");
        Directory.CreateDirectory(work.Combine("src"));
        File.WriteAllBytes(work.Combine("src", "data.bin"), RandomBlob.Create(6 << 20, seed: 50).Bytes);
        File.WriteAllText(work.Combine("src", "hello.txt"), "soak\n");
        Platform host = RuntimeInformation.OSArchitecture == Architecture.Arm64 ? new Platform("arm64", "linux") : Platform.LinuxAmd64;
        BuildSpec spec = BuildSpec.FromDirectory(work.Combine("src"), 0)
            .WithPlatforms([host])
            .WithBaseRef(baseRef.Replace(registry.Host, relay.Host, StringComparison.Ordinal))
            .WithRegistry(new TestClients().Options() with { RetryBaseDelay = TimeSpan.FromMilliseconds(50), MaxRetryDelay = TimeSpan.FromSeconds(1) });

        var digests = new List<Digest>();
        for (int i = 0; i < Pushes; i++)
            digests.Add((await Build.RunAsync(spec.WithTarget(Target.Registry($"{relay.Host}/soak{i}:v1")))).Manifest.Digest);

        Assert.Single(digests.Distinct());
        Assert.True(relay.Faults.Count >= Pushes / 2, $"only {relay.Faults.Count} faults were injected");
        for (int i = 0; i < Pushes; i++)
            Assert.Equal(digests[0], (await PushedImageCheck.CompleteAsync(registry, $"soak{i}:v1")).ManifestDescriptor.Digest);
    }
}
