using System.Text;

namespace Tko.Sbom;

/// <summary>Package URLs (purl) as the purl specification writes them: components percent-encoded, OCI versions as <c>sha256%3Ahex</c>.</summary>
internal static class PackageUrls
{
    /// <summary>
    /// The OCI purl of an image: the repository's last segment as name, the manifest digest as version,
    /// the full repository as <c>repository_url</c> and the architecture as <c>arch</c>.
    /// </summary>
    public static string Oci(string repository, Digest digest, Platform platform)
    {
        string name = repository[(repository.LastIndexOf('/') + 1)..].ToLowerInvariant();
        return $"pkg:oci/{Escape(name)}@{Escape(digest.ToString())}?arch={Escape(platform.Architecture)}&repository_url={Escape(repository)}";
    }

    /// <summary>Percent-encodes all but the characters purl leaves as they are (letters, digits, <c>.-_~</c>, and '/' inside qualifiers' URLs).</summary>
    public static string Escape(string component)
    {
        var escaped = new StringBuilder(component.Length);
        foreach (byte b in Encoding.UTF8.GetBytes(component))
        {
            char c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '~' or '/') escaped.Append(c);
            else escaped.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return escaped.ToString();
    }
}
