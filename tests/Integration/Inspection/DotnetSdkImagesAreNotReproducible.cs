using System.Text.RegularExpressions;
using Tko.Testing.Registry;
using Tko.Testing;
using Xunit;

namespace Tko.Integration.Inspection;

/// <summary>
/// The .NET SDK's container image of an app against tko's image of the same publish directory on
/// the same busybox base, and the SDK's image built twice: the diff shows the timestamps that make
/// the SDK's image change from one run to the next (config <c>created</c>, the history entry's time,
/// the created labels, every entry's mtime) and nothing else. Slow (~30 s): it runs dotnet publish twice.
/// </summary>
public sealed partial class DotnetSdkImagesAreNotReproducible
{
    private static readonly DiffOptions Loopback = new(null, RegistryClientOptions.Default);

    [Fact]
    public async Task Sdk_image_differs_from_tko_and_from_itself_by_timestamps()
    {
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions());
        string busybox = await BusyboxImage.PushAsync(registry, "busybox");
        using var work = new TempDirectory("diff-sdk");
        var sdk = new DotnetSdkContainer(work.Combine("app"), busybox, registry.Host);
        sdk.WriteProject();
        string first = work.Combine("sdk-1.tar"), second = work.Combine("sdk-2.tar");
        ProcessResult published = await sdk.PublishAsync(first);
        Assert.True(published.ExitCode == 0, $"dotnet publish -t:PublishContainer failed: {published}");
        ProcessResult again = await sdk.PublishAsync(second, rebuild: false);
        Assert.True(again.ExitCode == 0, $"the second dotnet publish -t:PublishContainer failed: {again}");

        string tko = work.Combine("tko.tar");
        BuildSpec spec = BuildSpec.FromDirectory(sdk.PublishDirectory, 0)
            .WithBaseRef(busybox).WithDestPath("/app").WithEntrypoint(["dotnet", "/app/app.dll"])
            .WithTarget(Target.DockerTarball(tko)).WithRegistry(RegistryClientOptions.Default);
        await Build.RunAsync(spec);

        ImageComparison tkoVsSdk = await ImageDiff.CompareAsync(tko, first, Loopback);
        Difference created = Assert.Single(tkoVsSdk.Differences, d => d is { Part: DifferencePart.Config, Where: "created" });
        Assert.Equal("1970-01-01T00:00:00Z", created.A);
        Assert.Matches(@"^20\d\d-", created.B);
        Assert.Contains(tkoVsSdk.Differences, d => d is { Part: DifferencePart.Config, Where: "history[1].created" });
        Assert.Contains(tkoVsSdk.Differences, d => d is { Part: DifferencePart.Layer, Layer: 1, Where: "/app/app.dll", Field: "mtime", A: "1970-01-01T00:00:00Z" });
        // The base layer is the same blob in both; the app's files have the same bytes.
        Assert.DoesNotContain(tkoVsSdk.Differences, d => d.Layer == 0 || d.Field == "content");

        ImageComparison sdkTwice = await ImageDiff.CompareAsync(first, "oci-archive:" + second, Loopback);
        Assert.False(sdkTwice.Identical);
        Assert.All(sdkTwice.Differences, d => Assert.True(IsTimestamp(d), $"not a timestamp: {d}"));
        Assert.Contains(sdkTwice.Differences, d => d is { Part: DifferencePart.Config, Where: "created" });
        Assert.Contains(sdkTwice.Differences, d => d is { Part: DifferencePart.Config, Where: "history[1].created" });
        Assert.Contains(sdkTwice.Differences, d => d is { Part: DifferencePart.Layer, Where: "/app/app.dll", Field: "mtime" });
        Assert.Contains(sdkTwice.DigestChanges, d => d is { Where: "layers[1]", Field: "diffID" });
    }

    private static bool IsTimestamp(Difference difference) => difference switch
    {
        { Part: DifferencePart.Layer, Field: "mtime" } => true,
        { Part: DifferencePart.Config } => CreatedField().IsMatch(difference.Where),
        _ => false,
    };

    /// <summary><c>created</c>, <c>history[N].created</c>, and labels whose name ends in <c>.created</c>.</summary>
    [GeneratedRegex(@"\A(created|history\[\d+\]\.created|config\.Labels\[""[^""]*\.created""\])\z")]
    private static partial Regex CreatedField();
}
