namespace Tko;

/// <summary>How <see cref="ImageDiff"/> reads the two images.</summary>
/// <param name="Platform">The one platform to compare when an image is an index; null compares every platform the two have.</param>
/// <param name="Registry">How registries are reached: credentials, trust, insecure hosts.</param>
[GenerateWith]
public sealed partial record DiffOptions(Platform? Platform, RegistryClientOptions Registry)
{
    /// <summary>Every platform, registries reached as Docker users expect (docker config, credential helpers, <c>SSL_CERT_FILE</c>).</summary>
    public static DiffOptions FromEnvironment() => new(null, RegistryClientOptions.FromEnvironment());
}
