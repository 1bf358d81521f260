using System.Text.Json.Serialization;

namespace Tko;

/// <summary>Which document or blob of an image a <see cref="Difference"/> is in.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DifferencePart>))]
public enum DifferencePart
{
    /// <summary>The image index (or manifest list), or which platforms the two images have.</summary>
    Index,

    /// <summary>The image manifest.</summary>
    Manifest,

    /// <summary>The image config.</summary>
    Config,

    /// <summary>A layer: its entries, or the layer as a whole.</summary>
    Layer,
}
