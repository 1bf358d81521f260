using System.Collections.Concurrent;
using System.Reactive;
using Tko.Integration.Registry;
using Tko.Testing;
using Tko.Testing.Registry;
using Xunit;

namespace Tko.Integration.Building;

/// <summary>
/// The registry log is a dependency given to <see cref="Build.Create"/>, not a field of the spec:
/// a push to the loopback registry sends its request lines, secrets removed, to that observer only.
/// </summary>
public sealed class RegistryLogIsGivenToTheBuild
{
    [Fact]
    public async Task A_push_logs_its_requests_to_the_observer_given_to_the_build()
    {
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions());
        using var source = new TempDirectory("logged-build");
        File.WriteAllText(source.Combine("app"), "logged\n");
        BuildSpec spec = BuildSpec.FromDirectory(source.Path)
            .WithTarget(Target.Registry($"{registry.Host}/team/logged:v1"))
            .WithRegistry(new TestClients().Options(registry));
        var lines = new ConcurrentQueue<string>();

        using (BuildSession session = Build.Create(spec, Observer.Create<string>(lines.Enqueue)))
            await session.RunAsync();

        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.StartsWith("registry: ", l, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("/v2/team/logged/manifests/v1", StringComparison.Ordinal));
    }
}
