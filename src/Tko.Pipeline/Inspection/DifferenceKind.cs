using System.Text.Json.Serialization;

namespace Tko;

/// <summary>Whether something differs between the two images or is in one of them only.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DifferenceKind>))]
public enum DifferenceKind
{
    /// <summary>Both images have it, with different values.</summary>
    Changed,

    /// <summary>Only the first image (A) has it.</summary>
    OnlyInA,

    /// <summary>Only the second image (B) has it.</summary>
    OnlyInB,
}
