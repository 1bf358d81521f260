using System.Text.Json.Serialization;

namespace Tko;

/// <summary>The <c>oci-layout</c> file at the root of an OCI image layout.</summary>
public sealed record OciLayoutMarker([property: JsonPropertyName("imageLayoutVersion")] string ImageLayoutVersion)
{
    /// <summary>The only version there is.</summary>
    public static OciLayoutMarker V1 { get; } = new("1.0.0");
}
