using Tko.Daemon;
using Xunit;

namespace Tko.Integration.Daemon;

/// <summary>DOCKER_HOST is read as Docker's clients read it: an explicit address first, then the variable, then Docker's socket.</summary>
public sealed class DockerHostParsing
{
    [Fact]
    public void Unset_variable_means_dockers_socket()
    {
        DockerHost host = DockerHost.Resolve(null, _ => null);

        Assert.Equal("/var/run/docker.sock", host.SocketPath);
        Assert.Contains("DOCKER_HOST is not set", host.Description);
    }

    [Fact]
    public void Explicit_address_beats_the_variable()
    {
        DockerHost host = DockerHost.Resolve("unix:///run/podman/podman.sock", _ => "tcp://127.0.0.1:2375");

        Assert.Equal("/run/podman/podman.sock", host.SocketPath);
    }

    [Theory]
    [InlineData("tcp://127.0.0.1:2376", "http://127.0.0.1:2376/")]
    [InlineData("tcp://localhost", "http://localhost:2375/")]
    [InlineData("tcp://[::1]:8080", "http://[::1]:8080/")]
    public void Tcp_is_plain_http_with_dockers_port_by_default(string address, string expected)
    {
        DockerHost host = DockerHost.Resolve(null, name => name == "DOCKER_HOST" ? address : null);

        Assert.Null(host.SocketPath);
        Assert.Equal(expected, host.BaseAddress.ToString());
        Assert.Equal($"DOCKER_HOST={address}", host.Description);
    }

    [Theory]
    [InlineData("ssh://me@box")]
    [InlineData("npipe:////./pipe/docker_engine")]
    [InlineData("unix://")]
    [InlineData("/var/run/docker.sock")]
    public void Other_schemes_name_the_variable(string address)
    {
        var failure = Assert.Throws<OptionException>(() => DockerHost.Resolve(null, _ => address));

        Assert.Equal("DOCKER_HOST", failure.Option);
        Assert.Contains($"'{address}'", failure.Message);
    }
}
