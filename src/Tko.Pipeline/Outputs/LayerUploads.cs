namespace Tko;

/// <summary>Starting a <see cref="LayerUpload"/> from a <see cref="RegistryClient"/>.</summary>
public static class LayerUploads
{
    /// <summary>Opens an upload session in <paramref name="target"/>'s repository and returns it as a layer sink that PATCHes while the layer is produced; complete it with the layer's digest.</summary>
    public static Task<LayerUpload> StartLayerUploadAsync(this RegistryClient client, ImageReference target, CancellationToken cancellationToken = default) =>
        LayerUpload.StartAsync(client, target, LayerUploadMode.Streaming, cancellationToken);

    /// <summary>A layer sink for <paramref name="target"/>'s repository that sends its bytes as <paramref name="mode"/> says.</summary>
    public static Task<LayerUpload> StartLayerUploadAsync(this RegistryClient client, ImageReference target, LayerUploadMode mode, CancellationToken cancellationToken = default) =>
        LayerUpload.StartAsync(client, target, mode, cancellationToken);
}
