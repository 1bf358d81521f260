using Tko.Testing;
using Tko.Testing.Registry;

namespace Tko.Integration.Registry;

/// <summary>Reads an image back from the registry with skopeo into an OCI layout and checks every blob and invariant of it.</summary>
internal static class PushedImageCheck
{
    public static async Task<ValidatedImage> CompleteAsync(RegistryServer registry, string repositoryAndTag)
    {
        using var layout = new TempDirectory("pushed-check");
        await ProcessRunner.RunCheckedAsync(RequiredTool.Find("skopeo", "skopeo"),
            ["--insecure-policy", "copy", .. Skopeo.RegistryFlags("src-", registry, null), $"docker://{registry.Host}/{repositoryAndTag}", $"oci:{layout.Path}:check"]);
        IReadOnlyList<ValidatedImage> images = ImageValidation.ValidateLayout(layout.Path);
        return images.Count == 1 ? images[0] : throw new InvalidOperationException($"{repositoryAndTag} read back as {images.Count} images");
    }
}
