namespace Tko;

/// <summary>When a <see cref="LayerUpload"/> sends its bytes.</summary>
public enum LayerUploadMode
{
    /// <summary>PATCH each chunk while the layer is still being produced: fastest for a layer the registry does not have.</summary>
    Streaming,
    /// <summary>Only spool while the layer is produced; at completion, HEAD its digest and upload from the spool only if the registry lacks it (a repeated push sends no layer bytes).</summary>
    AfterDigest,
}
