namespace Tko;

/// <summary>Which software bill of materials a build makes for each platform's image.</summary>
public enum SbomFormat
{
    /// <summary>No SBOM.</summary>
    None,

    /// <summary>SPDX 2.3 JSON (<c>application/spdx+json</c>).</summary>
    Spdx,

    /// <summary>CycloneDX JSON (<c>application/vnd.cyclonedx+json</c>); not made yet, refused by the build.</summary>
    CycloneDx,
}
