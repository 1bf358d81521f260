namespace Tko;

/// <summary>What a <see cref="BuildEvent"/> counts.</summary>
public enum BuildEventKind
{
    /// <summary>One source file, directory or link was added to the tar (Amount = 1, Detail = its path in the image).</summary>
    FileSeen,
    /// <summary>Bytes of file content read from the source.</summary>
    BytesRead,
    /// <summary>Bytes of tar compressed (Amount = uncompressed bytes of the chunk).</summary>
    BytesCompressed,
    /// <summary>Bytes of compressed layer written to the output.</summary>
    BytesWritten,
    /// <summary>A layer is complete (Detail = its digest, Amount = its size).</summary>
    LayerCompleted,
    /// <summary>The image is written (Detail = its reference, Amount = manifest size).</summary>
    ImageWritten,
    /// <summary>A layer's plan is made, before any content is read (Amount = the entries it will hold); a total for <see cref="FileSeen"/>.</summary>
    EntriesPlanned,
    /// <summary>A layer's plan is made, before any content is read (Amount = the bytes of file content it will read); a total for <see cref="BytesRead"/>.</summary>
    BytesPlanned,
}
