namespace Tko.Testing.Registry;

/// <summary>
/// What the test registry looks like: plain HTTP or TLS with a test CA, and at most one kind of
/// auth (distribution allows only one access controller at a time).
/// </summary>
public sealed record RegistryOptions(bool Tls = false, BasicCredentials? Basic = null, TokenAuthOptions? Token = null);
