using System.Collections.Immutable;
using System.Text.Json;
using Tko.Metadata;

namespace Tko;

/// <summary>The metadata document of a build (<see cref="BuildMetadataDocument"/>): made from its result, pure, and its bytes.</summary>
public static class BuildMetadata
{
    /// <summary>The document for <paramref name="result"/>, a build of <paramref name="spec"/>.</summary>
    public static BuildMetadataDocument Of(BuildResult result, BuildSpec spec) => new(
        result.Reference,
        result.Manifest.Digest,
        result.Manifest.MediaType,
        result.Manifest.Size,
        new MetadataTarget(TypeName(spec.Target.Kind), result.OutputPath),
        result.Tags,
        [.. result.Images.Select(Platform)],
        [.. spec.AlsoOutputs.Zip(result.AlsoWritten, (extra, path) => new MetadataTarget(TypeName(extra.Kind), path))],
        spec.Target.Kind == TargetKind.Registry ? result.BytesUploaded : null,
        Math.Round(result.Duration.TotalSeconds, 3));

    /// <summary>The document's UTF-8 bytes, indented, properties in their fixed order, ending with a newline.</summary>
    public static byte[] Serialize(BuildMetadataDocument document) =>
        [.. JsonSerializer.SerializeToUtf8Bytes(document, MetadataJsonContext.Readable.BuildMetadataDocument), (byte)'\n'];

    private static MetadataPlatform Platform(PlatformImage image) => new(
        image.Platform.ToString(),
        Blob(image.Manifest),
        Blob(image.Config),
        [.. image.Layers.Select(layer => new MetadataLayer(layer.Blob.MediaType, layer.Blob.Digest, layer.Blob.Size, layer.DiffId,
            layer.Origin == LayerOrigin.Base ? "reused" : "built", layer.Transfer is { } transfer ? TransferName(transfer) : null))]);

    private static MetadataBlob Blob(Descriptor descriptor) => new(descriptor.MediaType, descriptor.Digest, descriptor.Size);

    private static string TypeName(TargetKind kind) => kind switch
    {
        TargetKind.Registry => "registry",
        TargetKind.DockerDaemon => "daemon",
        TargetKind.OciLayout => "oci-layout",
        _ => "docker-archive",
    };

    private static string TransferName(BlobTransferKind kind) => kind switch
    {
        BlobTransferKind.AlreadyPresent => "present",
        BlobTransferKind.Mounted => "mounted",
        BlobTransferKind.Copied => "copied",
        _ => "uploaded",
    };
}
