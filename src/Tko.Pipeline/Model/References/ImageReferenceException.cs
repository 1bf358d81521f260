namespace Tko;

/// <summary>A text is not an image reference; the message quotes it and says what is wrong.</summary>
public sealed class ImageReferenceException : TkoException
{
    /// <summary>The text that was refused.</summary>
    public string Reference { get; }

    /// <summary>What is wrong with it.</summary>
    public string Problem { get; }

    /// <summary>Creates the exception for <paramref name="reference"/>.</summary>
    public ImageReferenceException(string reference, string problem)
        : base($"'{reference}' is not a valid image reference: {problem}") => (Reference, Problem) = (reference, problem);
}
