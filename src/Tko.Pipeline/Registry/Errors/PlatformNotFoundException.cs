using System.Collections.Immutable;

namespace Tko;

/// <summary>The image has no manifest for the platform asked for; the message lists those it has.</summary>
public sealed class PlatformNotFoundException : TkoException
{
    /// <summary>The image reference.</summary>
    public string Reference { get; }

    /// <summary>The platform asked for.</summary>
    public Platform Requested { get; }

    /// <summary>The platforms the image has.</summary>
    public ImmutableList<Platform> Available { get; }

    /// <summary>Creates the exception.</summary>
    public PlatformNotFoundException(string reference, Platform requested, ImmutableList<Platform> available)
        : base($"{reference}: has no image for {requested}; it has {(available.IsEmpty ? "none" : string.Join(", ", available))}: choose one of those with --platforms")
        => (Reference, Requested, Available) = (reference, requested, available);
}
