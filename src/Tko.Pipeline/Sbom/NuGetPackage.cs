using System.Collections.Immutable;

namespace Tko.Sbom;

/// <summary>A NuGet package (or the runtime pack) a <c>*.deps.json</c> names, and the image files it put there.</summary>
/// <param name="Name">The package id as deps.json spells it; a runtime pack without its <c>runtimepack.</c> prefix.</param>
/// <param name="Version">The package version.</param>
/// <param name="Sha512">Lowercase hex SHA-512 of the .nupkg from deps.json; null when deps.json has none (runtime packs).</param>
/// <param name="Files">The image paths of its files that the layer holds, in ordinal order.</param>
internal sealed record NuGetPackage(string Name, string Version, string? Sha512, ImmutableArray<string> Files)
{
    /// <summary>Its package URL, <c>pkg:nuget/NAME@VERSION</c>.</summary>
    public string PackageUrl => $"pkg:nuget/{PackageUrls.Escape(Name)}@{PackageUrls.Escape(Version)}";
}
