using System.Text.Json.Serialization;

namespace Tko.Daemon;

/// <summary>Source-generated JSON for the messages a Docker Engine API daemon streams back (AOT-safe).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DaemonMessage))]
internal sealed partial class DaemonJsonContext : JsonSerializerContext;
