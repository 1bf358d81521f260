using System.Collections.Immutable;

namespace Tko.Registry;

/// <summary>
/// What a request to a registry needs to be allowed: the registry whose credentials apply, and the
/// token scopes (<c>repository:NAME:pull,push</c>). Carried in the request's options; a request
/// without it (a ping) is sent without credentials, and so is one to another origin than the registry's.
/// </summary>
/// <param name="Registry">The registry as written in references, which keys the credentials.</param>
/// <param name="Host">The host (and port) contacted for it, whose pinged origin the credentials are bound to.</param>
/// <param name="Subject">What to name in errors: the registry or <c>registry/repository</c>.</param>
/// <param name="Scopes">The token scopes the request needs, in ordinal order.</param>
internal sealed record RequestAccess(string Registry, string Host, string Subject, ImmutableSortedSet<string> Scopes)
{
    public static readonly HttpRequestOptionsKey<RequestAccess> Key = new("tko.registry.access");

    /// <summary>Pull from <paramref name="reference"/>'s repository.</summary>
    public static RequestAccess Pull(ImageReference reference) =>
        new(reference.Registry, reference.Host, reference.Name, [Scope(reference.Repository, "pull")]);

    /// <summary>Pull and push to <paramref name="reference"/>'s repository.</summary>
    public static RequestAccess Push(ImageReference reference) =>
        new(reference.Registry, reference.Host, reference.Name, [Scope(reference.Repository, "pull,push")]);

    /// <summary>Push to <paramref name="target"/> while mounting from <paramref name="source"/> (same registry).</summary>
    public static RequestAccess Mount(ImageReference source, ImageReference target) =>
        new(target.Registry, target.Host, target.Name, [Scope(target.Repository, "pull,push"), Scope(source.Repository, "pull")]);

    private static string Scope(string repository, string actions) => $"repository:{repository}:{actions}";
}
