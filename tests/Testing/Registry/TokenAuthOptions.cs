namespace Tko.Testing.Registry;

/// <summary>
/// How the token server authenticates and authorises. <paramref name="Users"/> maps user names to
/// passwords; <paramref name="Grant"/> decides, for a user ("" when anonymous), a repository and the
/// actions a scope requested, which actions the token carries. It may grant fewer than requested
/// (the registry then refuses the request), and its answer is used as is.
/// </summary>
public sealed record TokenAuthOptions(
    IReadOnlyDictionary<string, string> Users,
    Func<string, string, IReadOnlyList<string>, IReadOnlyList<string>> Grant)
{
    /// <summary>Every known user gets every action asked for; anonymous users get pull only.</summary>
    public static TokenAuthOptions AllowUsers(IReadOnlyDictionary<string, string> users) =>
        new(users, (user, _, requested) => user.Length > 0 ? requested : requested.Where(a => a == "pull").ToList());
}
