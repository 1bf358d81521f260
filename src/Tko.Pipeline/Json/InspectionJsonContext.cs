using System.Text.Json.Serialization;
using Tko.Inspection;

namespace Tko.Json;

/// <summary>Source-generated JSON for what <c>tko diff</c> prints (AOT-safe): camelCase names, enums as their names.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    WriteIndented = true)]
[JsonSerializable(typeof(ImageComparison))]
[JsonSerializable(typeof(string))]
internal sealed partial class InspectionJsonContext : JsonSerializerContext;
