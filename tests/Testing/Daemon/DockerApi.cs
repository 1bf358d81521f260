using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;

namespace Tko.Testing.Daemon;

/// <summary>
/// A minimal Docker Engine API client for tests, over a Unix socket, written apart from the
/// library's own so that a test checks what the daemon really holds.
/// </summary>
public sealed class DockerApi : IDisposable
{
    private readonly HttpClient _http;

    public DockerApi(string socketPath)
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        _http = new HttpClient(handler) { BaseAddress = new Uri("http://podman/"), Timeout = TimeSpan.FromMinutes(2) };
    }

    /// <summary>True when <c>GET /_ping</c> answers OK.</summary>
    public async Task<bool> PingsAsync()
    {
        try
        {
            using HttpResponseMessage response = await _http.GetAsync("_ping");
            return response.IsSuccessStatusCode && await response.Content.ReadAsStringAsync() == "OK";
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary><c>POST /images/load</c> with the tarball at <paramref name="path"/>; returns the status and the body.</summary>
    public async Task<(int Status, string Body)> LoadAsync(string path)
    {
        await using FileStream file = File.OpenRead(path);
        var content = new StreamContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");
        using HttpResponseMessage response = await _http.PostAsync("images/load", content);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary><c>GET /images/json</c>: every image the daemon holds.</summary>
    public async Task<JsonElement[]> ListImagesAsync()
    {
        using JsonDocument images = JsonDocument.Parse(await _http.GetStringAsync("images/json"));
        return [.. images.RootElement.EnumerateArray().Select(i => i.Clone())];
    }

    /// <summary>The image listed with <paramref name="repoTag"/>; fails naming every listed tag when there is none.</summary>
    public async Task<JsonElement> FindImageAsync(string repoTag)
    {
        JsonElement[] images = await ListImagesAsync();
        foreach (JsonElement image in images)
            if (RepoTags(image).Contains(repoTag)) return image;
        throw new InvalidOperationException($"no image is tagged {repoTag}; the daemon lists {string.Join(", ", images.SelectMany(RepoTags))}");
    }

    /// <summary><c>GET /images/NAME/json</c>: the daemon's inspection of one image.</summary>
    public async Task<JsonElement> InspectImageAsync(string name)
    {
        using JsonDocument image = JsonDocument.Parse(await _http.GetStringAsync($"images/{Uri.EscapeDataString(name)}/json"));
        return image.RootElement.Clone();
    }

    public static IEnumerable<string> RepoTags(JsonElement image) =>
        image.TryGetProperty("RepoTags", out JsonElement tags) && tags.ValueKind == JsonValueKind.Array
            ? tags.EnumerateArray().Select(t => t.GetString()!)
            : [];

    public void Dispose() => _http.Dispose();
}
