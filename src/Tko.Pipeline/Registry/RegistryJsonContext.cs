using System.Text.Json.Serialization;

namespace Tko.Registry;

/// <summary>Source-generated JSON for what registries, token servers and credential stores answer (AOT-safe, read only).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DockerConfigFile))]
[JsonSerializable(typeof(CredentialHelperOutput))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(RegistryErrorBody))]
[JsonSerializable(typeof(ManifestHeader))]
internal sealed partial class RegistryJsonContext : JsonSerializerContext;
