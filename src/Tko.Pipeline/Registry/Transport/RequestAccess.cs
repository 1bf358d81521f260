using System.Collections.Immutable;

namespace Tko.Registry;

/// <summary>
/// What a request to a registry needs to be allowed: the registry whose credentials apply, and the
/// token scopes (<c>repository:NAME:pull,push</c>). Carried in the request's options; a request
/// without it (a ping, a redirect to another host) is sent without credentials.
/// </summary>
/// <param name="Registry">The registry as written in references, which keys the credentials.</param>
/// <param name="Subject">What to name in errors: the registry or <c>registry/repository</c>.</param>
/// <param name="Scopes">The token scopes the request needs, in ordinal order.</param>
internal sealed record RequestAccess(string Registry, string Subject, ImmutableSortedSet<string> Scopes)
{
    public static readonly HttpRequestOptionsKey<RequestAccess> Key = new("tko.registry.access");

    /// <summary>Pull from <paramref name="reference"/>'s repository.</summary>
    public static RequestAccess Pull(ImageReference reference) =>
        new(reference.Registry, reference.Name, [Scope(reference.Repository, "pull")]);

    /// <summary>Pull and push to <paramref name="reference"/>'s repository.</summary>
    public static RequestAccess Push(ImageReference reference) =>
        new(reference.Registry, reference.Name, [Scope(reference.Repository, "pull,push")]);

    /// <summary>Push to <paramref name="target"/> while mounting from <paramref name="source"/> (same registry).</summary>
    public static RequestAccess Mount(ImageReference source, ImageReference target) =>
        new(target.Registry, target.Name, [Scope(target.Repository, "pull,push"), Scope(source.Repository, "pull")]);

    private static string Scope(string repository, string actions) => $"repository:{repository}:{actions}";
}
