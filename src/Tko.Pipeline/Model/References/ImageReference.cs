using Tko.Model;

namespace Tko;

/// <summary>
/// An image reference parsed exactly as Docker parses it: <c>busybox</c> is
/// <c>docker.io/library/busybox:latest</c>, a first component with a dot or a port (or
/// <c>localhost</c>, or uppercase letters) is a registry, tags are up to 128 word characters, dots
/// and dashes, and <c>name:tag@digest</c> keeps both (the digest decides what is fetched).
/// </summary>
public sealed record ImageReference
{
    /// <summary>The tag Docker assumes when a reference has neither tag nor digest.</summary>
    public const string DefaultTag = "latest";

    private ImageReference(string registry, string repository, string? tag, Digest? digest) =>
        (Registry, Repository, Tag, Digest) = (registry, repository, tag, digest);

    /// <summary>The registry as written in references: <c>docker.io</c>, <c>ghcr.io</c>, <c>localhost:5000</c>, <c>[::1]:5000</c>.</summary>
    public string Registry { get; }

    /// <summary>The repository path within the registry, e.g. <c>library/busybox</c>.</summary>
    public string Repository { get; }

    /// <summary>The tag, if any (<c>latest</c> when the text had neither tag nor digest).</summary>
    public string? Tag { get; }

    /// <summary>The digest, if any.</summary>
    public Digest? Digest { get; }

    /// <summary>The host (and port) to contact: <c>registry-1.docker.io</c> for Docker Hub, <see cref="Registry"/> otherwise.</summary>
    public string Host => Registry == DockerHub.Registry ? DockerHub.ApiHost : Registry;

    /// <summary>The repository with its registry, <c>docker.io/library/busybox</c>.</summary>
    public string Name => $"{Registry}/{Repository}";

    /// <summary>What the manifest is fetched by: the digest when there is one, else the tag.</summary>
    public string Identifier => Digest?.ToString() ?? Tag ?? DefaultTag;

    /// <summary>Parses <paramref name="text"/>; throws <see cref="ImageReferenceException"/> quoting it when it is not a reference.</summary>
    public static ImageReference Parse(string text) => ReferenceParser.Parse(text);

    /// <summary>Parses <paramref name="text"/>, or returns null when it is not a reference.</summary>
    public static ImageReference? TryParse(string? text)
    {
        if (text is null) return null;
        try
        {
            return ReferenceParser.Parse(text);
        }
        catch (ImageReferenceException)
        {
            return null;
        }
    }

    /// <summary>This repository at <paramref name="tag"/>, without a digest; throws <see cref="ImageReferenceException"/> for an invalid tag.</summary>
    public ImageReference WithTag(string tag) =>
        ReferenceGrammar.AnchoredTag().IsMatch(tag)
            ? new ImageReference(Registry, Repository, tag, null)
            : throw new ImageReferenceException($"{Name}:{tag}", $"'{tag}' is not a tag (up to 128 letters, digits, '_', '.' and '-', not starting with '.' or '-')");

    /// <summary>This repository at <paramref name="digest"/>, keeping the tag for display.</summary>
    public ImageReference WithDigest(Digest digest) => new(Registry, Repository, Tag, digest);

    /// <summary>Another repository of the same registry, at the same tag and digest; throws <see cref="ImageReferenceException"/> for an invalid path.</summary>
    public ImageReference WithRepository(string repository) =>
        ReferenceGrammar.AnchoredName().Match(repository) is { Success: true } m && !m.Groups[1].Success && repository.Length <= ReferenceGrammar.MaxPathLength
            ? new ImageReference(Registry, repository, Tag, Digest)
            : throw new ImageReferenceException($"{Registry}/{repository}", $"'{repository}' is not a repository path");

    /// <summary>The canonical text: <c>registry/repository[:tag][@digest]</c>.</summary>
    public override string ToString() =>
        Name + (Tag is null ? "" : ":" + Tag) + (Digest is null ? "" : "@" + Digest);

    internal static ImageReference Create(string registry, string repository, string? tag, Digest? digest) =>
        new(registry, repository, tag, digest);
}
