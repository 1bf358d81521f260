using System.Text.Json;

namespace Tko;

/// <summary>
/// Adds ports to a config's <c>ExposedPorts</c> (a map of <c>PORT/PROTO</c> to <c>{}</c>, a field tko
/// otherwise keeps as the base wrote it): the base's entries stay as they were and the new ones are added (the config is written as canonical JSON, keys sorted),
/// each as <see cref="ExposedPort.Normalize"/> writes it (<c>80</c> is <c>80/tcp</c>).
/// </summary>
internal static class ExposedPortsMerge
{
    private const string Field = "ExposedPorts";

    /// <summary><paramref name="runtime"/> with <paramref name="ports"/> exposed too; unchanged when there are none.</summary>
    public static ContainerConfig Over(ContainerConfig runtime, IReadOnlyList<string> ports)
    {
        if (ports.Count == 0) return runtime;
        var fields = new Dictionary<string, JsonElement>(runtime.UnknownFields ?? [], StringComparer.Ordinal);
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            var written = new HashSet<string>(StringComparer.Ordinal);
            if (fields.TryGetValue(Field, out JsonElement existing) && existing.ValueKind == JsonValueKind.Object)
                foreach (JsonProperty port in existing.EnumerateObject())
                    if (written.Add(port.Name)) port.WriteTo(writer);
            foreach (string port in ports.Select(ExposedPort.Normalize))
                if (written.Add(port))
                {
                    writer.WritePropertyName(port);
                    writer.WriteStartObject();
                    writer.WriteEndObject();
                }
            writer.WriteEndObject();
        }
        using JsonDocument merged = JsonDocument.Parse(buffer.ToArray());
        fields[Field] = merged.RootElement.Clone();
        return runtime with { UnknownFields = fields };
    }
}
