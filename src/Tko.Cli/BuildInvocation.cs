using System.Collections.Immutable;

namespace Tko.Cli;

/// <summary>A resolved <c>tko build</c>: the spec to build and what the CLI does around it.</summary>
/// <param name="Spec">What to build.</param>
/// <param name="ImageRefs">Where to write the resulting reference (<c>--image-refs</c>); null writes nothing.</param>
/// <param name="MetadataFile">Where to write the build's metadata document (<c>--metadata-file</c>); null writes nothing.</param>
/// <param name="Verbose">Explain failures in detail.</param>
/// <param name="Quiet">Print only the reference.</param>
/// <param name="PropertySources">For each spec property the CLI set (<c>LayerOptions.ChunkSize</c>), the flag, variable or file line that gave its value.</param>
internal sealed record BuildInvocation(BuildSpec Spec, string? ImageRefs, string? MetadataFile, bool Verbose, bool Quiet, ImmutableDictionary<string, string> PropertySources)
{
    /// <summary>Where each platform's SBOM is also written (<c>--sbom-dir</c>); null writes none.</summary>
    public string? SbomDirectory { get; init; }

    /// <summary>Warnings about the settings, printed before the build, each one line.</summary>
    public ImmutableList<string> Warnings { get; init; } = [];

    /// <summary>Writes each SBOM to <see cref="SbomDirectory"/> as <see cref="SbomDocument.FileName"/>, when it was asked for.</summary>
    public void WriteSboms(IEnumerable<SbomDocument> documents)
    {
        if (SbomDirectory is null) return;
        foreach (SbomDocument document in documents)
        {
            string path = Path.Combine(SbomDirectory, document.FileName);
            try
            {
                File.WriteAllBytes(path, document.Content);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new OutputException(path, $"cannot write the SBOM ({e.Message}); the image itself was written", e);
            }
        }
    }

    /// <summary>
    /// The library's refusal of a property, told as the flag, variable or <c>.tko.yml</c> line that
    /// gave the value (<c>TKO_UPLOAD_CHUNK_SIZE: …</c>); other failures unchanged.
    /// </summary>
    public Exception Explain(Exception failure) =>
        failure is OptionException refused && PropertySources.TryGetValue(refused.Option, out string? source)
            ? new OptionException(source, refused.Problem)
            : failure;

    /// <summary>A library warning as one line naming the flag, variable or file line of the property it is about.</summary>
    public string Describe(BuildWarning warning) =>
        $"{PropertySources.GetValueOrDefault(warning.Option, warning.Option)}: {warning.Problem}";

    /// <summary>Writes <paramref name="reference"/> and a newline to <see cref="ImageRefs"/>, as ko does, when it was asked for.</summary>
    public void WriteImageRefs(string reference)
    {
        if (ImageRefs is null) return;
        try
        {
            File.WriteAllText(ImageRefs, reference + "\n");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputException(ImageRefs, $"cannot write the image reference ({e.Message}); the image itself was written", e);
        }
    }

    /// <summary>Writes the metadata document of <paramref name="result"/> to <see cref="MetadataFile"/>, when it was asked for, atomically.</summary>
    public void WriteMetadata(BuildResult result)
    {
        if (MetadataFile is null) return;
        try
        {
            AtomicFile.Write(MetadataFile, BuildMetadata.Serialize(BuildMetadata.Of(result, Spec)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputException(MetadataFile, $"cannot write the build's metadata ({e.Message}); the image itself was written", e);
        }
    }
}
