namespace Tko.Testing.Registry;

/// <summary>A user name and password, for the registry's htpasswd auth or the token server's Basic auth.</summary>
public sealed record BasicCredentials(string User, string Password)
{
    /// <summary>The value of an <c>Authorization: Basic …</c> header for these credentials.</summary>
    public string HeaderValue => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{User}:{Password}"));

    // Keep passwords out of xunit's failure messages and logs.
    public override string ToString() => $"BasicCredentials {{ User = {User} }}";
}
