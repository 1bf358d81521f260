using Tko.Testing;
using Tko.Testing.Registry;
using Xunit;

namespace Tko.Integration.Registry;

/// <summary>
/// A registry that goes away for two seconds in the middle of a layer upload (every connection
/// reset, new ones refused) and comes back on the same port: the push waits for it within the
/// usual retry budget and backoff, and the image it pushes is the one a push without faults makes.
/// </summary>
public sealed class RegistryRestartDuringAPush
{
    [Fact]
    public async Task Push_survives_a_registry_restart_mid_upload_with_the_same_digest()
    {
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions());
        await using FaultRelay relay = FaultRelay.Start(registry, FaultRelay.First(r => r.StartsWith("PATCH "), RelayFault.Restart), restartPause: TimeSpan.FromSeconds(2));
        using var work = new TempDirectory("restart");
        Directory.CreateDirectory(work.Combine("src"));
        File.WriteAllBytes(work.Combine("src", "data.bin"), RandomBlob.Create(12 << 20, seed: 21).Bytes);
        var clients = new TestClients();
        // The library's own backoff, not the tests' quick one: the registry is away for longer than that.
        RegistryClientOptions options = clients.Options() with { RetryBaseDelay = RegistryClientOptions.Default.RetryBaseDelay, MaxRetryDelay = RegistryClientOptions.Default.MaxRetryDelay };
        BuildSpec spec = BuildSpec.FromDirectory(work.Combine("src"), 0).WithRegistry(options);

        using BuildSession session = Build.Create(spec.WithTarget(Target.Registry($"{relay.Host}/app:v1")), clients.Log);
        BuildResult faulted = await session.RunAsync();
        BuildResult clean = await Build.RunAsync(spec.WithTarget(Target.Registry($"{registry.Host}/clean:v1")));

        Assert.Equal(["Restart PATCH"], relay.Faults.Select(f => string.Join(' ', f.Split(' ').Take(2))));
        Assert.Contains(clients.LogLines, l => l.Contains("refused the connection after answering before", StringComparison.Ordinal));
        Assert.Equal(clean.Manifest.Digest, faulted.Manifest.Digest);
        ValidatedImage image = await PushedImageCheck.CompleteAsync(registry, "app:v1");
        Assert.Equal(faulted.Manifest.Digest, image.ManifestDescriptor.Digest);
    }
}
