namespace Tko.Sbom;

/// <summary>A regular file the new layer adds, by its absolute path in the image, with its content's digests.</summary>
/// <param name="Path">The path in the image, e.g. <c>/tko-app/app.dll</c>.</param>
/// <param name="Sha1">Lowercase hex SHA-1 of the content (SPDX 2.3 requires it of every file).</param>
/// <param name="Sha256">Lowercase hex SHA-256 of the content.</param>
/// <param name="Size">Bytes of content.</param>
/// <param name="SourcePath">Where the content was read from.</param>
internal sealed record AddedFile(string Path, string Sha1, string Sha256, long Size, string SourcePath);
