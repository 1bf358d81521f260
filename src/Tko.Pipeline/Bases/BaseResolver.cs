using Tko.Bases;

namespace Tko;

/// <summary>Finds the base image a build starts from: <c>scratch</c>, an OCI layout on disk (<c>oci:PATH[:TAG]</c>) or a registry.</summary>
public static class BaseResolver
{
    /// <summary>The prefix of a base read from an OCI image layout.</summary>
    public const string OciLayoutPrefix = "oci:";

    /// <summary>Resolves <paramref name="baseRef"/> for <paramref name="platform"/>; <paramref name="registry"/> is used for registry references.</summary>
    public static Task<BaseImage> ResolveAsync(string baseRef, Platform platform, RegistryClient registry, CancellationToken cancellationToken)
    {
        if (string.Equals(baseRef, BuildSpec.Scratch, StringComparison.Ordinal))
            return Task.FromResult(BaseImage.Scratch(platform));
        if (baseRef.StartsWith(OciLayoutPrefix, StringComparison.Ordinal))
            return OciLayoutBase.LoadAsync(baseRef[OciLayoutPrefix.Length..], platform, cancellationToken);
        return RegistryBase.LoadAsync(registry, baseRef, platform, cancellationToken);
    }
}
