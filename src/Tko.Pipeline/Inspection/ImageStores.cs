namespace Tko.Inspection;

/// <summary>Opens the store an <see cref="ImageLocation"/> names.</summary>
internal static class ImageStores
{
    public static async Task<IImageStore> OpenAsync(ImageLocation location, RegistryClient registry, CancellationToken cancellationToken)
    {
        try
        {
            return await OpenOrThrowAsync(location, registry, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TkoException($"{location.Text}: cannot be read ({e.Message})", e);
        }
    }

    private static async Task<IImageStore> OpenOrThrowAsync(ImageLocation location, RegistryClient registry, CancellationToken cancellationToken)
    {
        switch (location.Kind)
        {
            case ImageLocationKind.Registry:
                return new RegistryImageStore(registry, location.Reference!);
            case ImageLocationKind.Layout:
                return new LayoutImageStore(new DirectoryFiles(location.Path, location.Text), location.Text, location.Tag);
            default:
                ArchiveFiles files = ArchiveFiles.Open(location.Path, location.Text);
                try
                {
                    // Docker 25+, podman and tko write an OCI layout beside manifest.json: it carries the real manifest.
                    if (files.Exists("index.json") && files.Exists("oci-layout"))
                        return new LayoutImageStore(files, location.Text, location.Tag);
                    if (files.Exists("manifest.json"))
                        return await DockerArchiveStore.OpenAsync(files, location.Text, location.Tag, cancellationToken);
                    throw new TkoException($"{location.Text}: the tarball holds neither index.json nor manifest.json; it is not an image tarball");
                }
                catch
                {
                    files.Dispose();
                    throw;
                }
        }
    }
}
