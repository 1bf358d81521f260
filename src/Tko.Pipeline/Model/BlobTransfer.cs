namespace Tko;

/// <summary>How a blob came to be in the target repository.</summary>
public enum BlobTransferKind
{
    /// <summary>It was there already (HEAD found it); nothing was sent.</summary>
    AlreadyPresent,
    /// <summary>The registry mounted it from the source repository; nothing was sent.</summary>
    Mounted,
    /// <summary>Its bytes were streamed from the source registry to the target, verified.</summary>
    Copied,
    /// <summary>Its bytes were uploaded from memory or from the build.</summary>
    Uploaded,
}

/// <summary>A blob now in the target repository, and how it got there.</summary>
/// <param name="Blob">The blob's descriptor.</param>
/// <param name="Kind">What was done.</param>
public sealed record BlobTransfer(Descriptor Blob, BlobTransferKind Kind);
