namespace Tko.Registry;

/// <summary>Tells an index (manifest list) from an image manifest by media type.</summary>
internal static class IndexMediaTypes
{
    public static bool IsIndex(string mediaType) => mediaType is MediaTypes.OciIndex or MediaTypes.DockerManifestList;
}
