using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Text.Json;
using Xunit;

namespace Tko.Integration.Model;

/// <summary>Rewriting a base config for a new layer keeps every field tko does not model exactly as it was.</summary>
public sealed class UnknownConfigFieldsSurviveAddLayer
{
    private static readonly string BaseDiffId = "sha256:" + new string('1', 64);

    private static readonly byte[] BaseConfig = Minified($$"""
        {
          "architecture": "amd64",
          "os": "linux",
          "created": "2020-01-02T03:04:05.123456789Z",
          "container": "3f2c0f5e1a",
          "docker_version": "20.10.7",
          "container_config": { "Hostname": "3f2c0f5e1a", "Cmd": ["/bin/sh", "-c", "#(nop) CMD [\"bash\"]"] },
          "config": {
            "Env": ["PATH=/usr/bin"],
            "Cmd": ["bash"],
            "ExposedPorts": { "80/tcp": {}, "443/tcp": {} },
            "Volumes": { "/data": {} },
            "Healthcheck": { "Test": ["CMD", "true"], "Interval": 30000000000, "Retries": 3 },
            "StopSignal": "SIGTERM",
            "ArgsEscaped": true
          },
          "rootfs": { "type": "layers", "diff_ids": ["{{BaseDiffId}}"] },
          "history": [
            { "created": "2020-01-02T03:04:05Z", "created_by": "/bin/sh -c #(nop) ADD file:abc in /", "x-vendor": { "nested": [1, 2.50, "three", null] } }
          ]
        }
        """);

    private static readonly string[] UnknownTopLevel = ["container", "docker_version", "container_config"];
    private static readonly string[] UnknownRuntime = ["ExposedPorts", "Volumes", "Healthcheck", "StopSignal", "ArgsEscaped"];

    [Fact]
    public void Fields_tko_does_not_model_come_out_unchanged()
    {
        using JsonDocument before = JsonDocument.Parse(BaseConfig);

        using JsonDocument after = JsonDocument.Parse(AddLayer(BaseConfig));

        JsonElement input = before.RootElement, output = after.RootElement;
        foreach (string field in UnknownTopLevel)
            Assert.Equal(input.GetProperty(field).GetRawText(), output.GetProperty(field).GetRawText());
        foreach (string field in UnknownRuntime)
            Assert.Equal(input.GetProperty("config").GetProperty(field).GetRawText(), output.GetProperty("config").GetProperty(field).GetRawText());
        Assert.Equal(input.GetProperty("config").GetProperty("Env").GetRawText(), output.GetProperty("config").GetProperty("Env").GetRawText());
        JsonElement baseHistory = output.GetProperty("history")[0];
        Assert.Equal(input.GetProperty("history")[0].GetProperty("x-vendor").GetRawText(), baseHistory.GetProperty("x-vendor").GetRawText());
        Assert.Equal("/bin/sh -c #(nop) ADD file:abc in /", baseHistory.GetProperty("created_by").GetString());
    }

    [Fact]
    public void The_new_layer_is_appended_and_the_entrypoint_replaces_cmd()
    {
        using JsonDocument after = JsonDocument.Parse(AddLayer(BaseConfig));

        JsonElement output = after.RootElement;
        Assert.Equal([BaseDiffId, Layer.DiffId.ToString()], output.GetProperty("rootfs").GetProperty("diff_ids").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(2, output.GetProperty("history").GetArrayLength());
        Assert.Equal(ImageConfigMutation.CreatedBy, output.GetProperty("history")[1].GetProperty("created_by").GetString());
        Assert.Equal(["/tko-app/app"], output.GetProperty("config").GetProperty("Entrypoint").EnumerateArray().Select(e => e.GetString()));
        Assert.False(output.GetProperty("config").TryGetProperty("Cmd", out _), "Cmd is kept although an entrypoint was set");
        Assert.Equal("1970-01-01T00:00:00Z", output.GetProperty("created").GetString());
    }

    [Fact]
    public void Serializing_a_parsed_config_is_stable()
    {
        byte[] first = CanonicalJson.Serialize(CanonicalJson.ParseConfig(BaseConfig));
        byte[] second = CanonicalJson.Serialize(CanonicalJson.ParseConfig(BaseConfig));
        byte[] again = CanonicalJson.Serialize(CanonicalJson.ParseConfig(first));

        Assert.Equal(first, second);
        Assert.Equal(first, again);
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(BaseConfig).RootElement, JsonDocument.Parse(first).RootElement),
            "parse then serialize changed the document");
    }

    private static LayerResult Layer { get; } = new(Digest.OfContent("tar"u8), Digest.OfContent("gzip"u8), 4, 3, 1);

    private static byte[] AddLayer(byte[] baseConfig)
    {
        BuildSpec spec = BuildSpec.FromDirectory("/src").WithLayer(LayerOptions.Default.WithModificationTime(0));
        return CanonicalJson.Serialize(ImageConfigMutation.AddLayer(CanonicalJson.ParseConfig(baseConfig), Layer, spec));
    }

    /// <summary>The document compact and escaped only where JSON requires, as tko writes, so raw texts compare exactly.</summary>
    private static byte[] Minified(string json) => System.Text.Encoding.UTF8.GetBytes(
        JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
}
