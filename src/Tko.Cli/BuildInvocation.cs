namespace Tko.Cli;

/// <summary>A resolved <c>tko build</c>: the spec to build and what the CLI does around it.</summary>
/// <param name="Spec">What to build.</param>
/// <param name="ImageRefs">Where to write the resulting reference (<c>--image-refs</c>); null writes nothing.</param>
/// <param name="Verbose">Explain failures in detail.</param>
/// <param name="Quiet">Print only the reference.</param>
internal sealed record BuildInvocation(BuildSpec Spec, string? ImageRefs, bool Verbose, bool Quiet)
{
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
}
