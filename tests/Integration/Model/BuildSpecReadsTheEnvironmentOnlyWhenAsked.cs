using Xunit;

namespace Tko.Integration.Model;

/// <summary>
/// <see cref="BuildSpec.FromDirectory(string)"/> is pure: the same spec whatever the environment.
/// <see cref="BuildSpec.FromEnvironment"/> adds what the CLI reads: <c>SOURCE_DATE_EPOCH</c> and
/// the registry access Docker users expect. (The process environment is read, never changed, so
/// tests running alongside are not disturbed.)
/// </summary>
public sealed class BuildSpecReadsTheEnvironmentOnlyWhenAsked
{
    [Fact]
    public void From_a_directory_the_spec_has_time_zero_and_anonymous_registry_access()
    {
        BuildSpec spec = BuildSpec.FromDirectory("/src");

        Assert.Equal(0, spec.Layer.ModificationTime);
        Assert.Same(RegistryClientOptions.Default, spec.Registry);
        Assert.Null(spec.Registry.DockerConfigDirectory);
        Assert.Null(spec.Registry.CredentialHelperPath);
    }

    [Fact]
    public void From_the_environment_the_spec_takes_the_epoch_and_registry_access_the_environment_gives()
    {
        BuildSpec spec = BuildSpec.FromEnvironment("/src");
        RegistryClientOptions expected = RegistryClientOptions.FromEnvironment();

        Assert.Equal(SourceDateEpoch.FromEnvironment(), spec.Layer.ModificationTime);
        Assert.Equal(expected.DockerConfigDirectory, spec.Registry.DockerConfigDirectory);
        Assert.Equal(expected.CredentialHelperPath, spec.Registry.CredentialHelperPath);
        Assert.Equal(expected.CaCertificateFiles, spec.Registry.CaCertificateFiles);
    }
}
