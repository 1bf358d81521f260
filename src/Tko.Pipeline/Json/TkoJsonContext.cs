using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tko.Model;

namespace Tko.Json;

/// <summary>Source-generated JSON for every document tko reads or writes (AOT-safe, no reflection).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ImageConfig))]
[JsonSerializable(typeof(Manifest))]
[JsonSerializable(typeof(ImageIndex))]
[JsonSerializable(typeof(OciLayoutMarker))]
[JsonSerializable(typeof(ImmutableList<DockerArchiveEntry>))]
[JsonSerializable(typeof(Tko.Registry.DockerConfigFile))]
[JsonSerializable(typeof(Tko.Registry.CredentialHelperOutput))]
[JsonSerializable(typeof(Tko.Registry.TokenResponse))]
[JsonSerializable(typeof(Tko.Registry.RegistryErrorBody))]
[JsonSerializable(typeof(Tko.Registry.ManifestHeader))]
[JsonSerializable(typeof(Tko.Daemon.DaemonMessage))]
internal sealed partial class TkoJsonContext : JsonSerializerContext
{
    /// <summary>
    /// Compact output escaping only what JSON requires, as Go's encoder does not escape '+' in
    /// media types; the same value always gives the same bytes.
    /// </summary>
    public static TkoJsonContext Canonical { get; } = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,
    });
}
