using System.Net;
using Tko.Testing.Registry;

namespace Tko.Integration.Registry;

/// <summary>
/// Serves a test registry's blobs straight from its storage directory at <c>/blobs/HEX</c>, as the
/// object store a registry redirects downloads to; records whether each request carried Authorization.
/// </summary>
internal sealed class BlobStorageServer : IAsyncDisposable
{
    private readonly LoopbackListener _listener;

    private BlobStorageServer(RegistryServer registry) =>
        _listener = LoopbackListener.Start(async context =>
        {
            string hex = (context.Request.RawUrl ?? "").Split('/').Last();
            string file = Path.Combine(registry.StorageDirectory, "docker", "registry", "v2", "blobs", "sha256", hex[..2], hex, "data");
            if (!File.Exists(file))
            {
                context.Response.StatusCode = 404;
                context.Response.Close();
                return 404;
            }
            byte[] bytes = await File.ReadAllBytesAsync(file);
            context.Response.StatusCode = (int)HttpStatusCode.OK;
            context.Response.ContentType = "application/octet-stream";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
            return 200;
        });

    public Uri BaseUri => _listener.BaseUri;

    public IReadOnlyList<ProxiedRequest> Requests => _listener.Requests;

    public static BlobStorageServer Start(RegistryServer registry) => new(registry);

    public ValueTask DisposeAsync() => _listener.DisposeAsync();
}
