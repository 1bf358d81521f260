namespace Tko;

/// <summary>
/// A user name and password given explicitly for one registry (tko's <c>--registry-user</c> and
/// <c>--registry-pass</c>). Tried before docker's config. Its text form never shows the password.
/// </summary>
/// <param name="Registry">The registry as written in references, e.g. <c>ghcr.io</c> or <c>localhost:5000</c>.</param>
/// <param name="Username">The user name.</param>
/// <param name="Password">The password or access token.</param>
public sealed record RegistryLogin(string Registry, string Username, string Password)
{
    /// <summary>The registry and user, never the password.</summary>
    public override string ToString() => $"RegistryLogin {{ Registry = {Registry}, Username = {Username}, Password = *** }}";
}
