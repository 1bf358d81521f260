using System.Collections.Concurrent;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Tko.Registry;

/// <summary>
/// TLS server validation: the system's trust first; when that fails only because the chain ends in an
/// unknown root, the chain is built again against the extra CAs (PEM files and directories from the
/// options, i.e. <c>SSL_CERT_FILE</c> and <c>SSL_CERT_DIR</c>). Host name mismatches are never
/// accepted. Registries marked insecure skip verification, as Docker's insecure registries do.
/// Remembers why a host failed, so the error can say it.
/// </summary>
internal sealed class CertificateTrust
{
    private readonly Lazy<X509Certificate2Collection> _extraRoots;
    private readonly InsecureRegistries _insecure;
    private readonly ConcurrentDictionary<string, string> _failures = new(StringComparer.OrdinalIgnoreCase);

    public CertificateTrust(IEnumerable<string> files, IEnumerable<string> directories, InsecureRegistries insecure)
    {
        string[] fileList = [.. files];
        string[] directoryList = [.. directories];
        _extraRoots = new Lazy<X509Certificate2Collection>(() => Load(fileList, directoryList));
        _insecure = insecure;
    }

    /// <summary>Why the last certificate of <paramref name="host"/> was refused, if it was.</summary>
    public string? FailureFor(string host) => _failures.TryGetValue(host, out string? reason) ? reason : null;

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        string host = (sender as SslStream)?.TargetHostName ?? "";
        if (errors == SslPolicyErrors.None || _insecure.SkipsVerification(host))
        {
            _failures.TryRemove(host, out _);
            return true;
        }
        string? reason = errors switch
        {
            _ when errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable) => "it presented no certificate",
            _ when errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) => $"its certificate is not issued for {host}",
            _ when certificate is null => "it presented no certificate",
            _ => ChainsToExtraRoot(certificate, chain),
        };
        if (reason is null)
        {
            _failures.TryRemove(host, out _);
            return true;
        }
        _failures[host] = reason;
        return false;
    }

    private string? ChainsToExtraRoot(X509Certificate certificate, X509Chain? presented)
    {
        X509Certificate2Collection roots = _extraRoots.Value;
        string systemStatus = presented is null ? "untrusted chain" : Describe(presented);
        if (roots.Count == 0)
            return $"its certificate is not trusted ({systemStatus})";

        using var leaf = new X509Certificate2(certificate);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        if (presented is not null)
            foreach (X509ChainElement element in presented.ChainElements)
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
        return chain.Build(leaf) ? null : $"its certificate is not trusted by the system or the extra CAs ({Describe(chain)})";
    }

    private static string Describe(X509Chain chain) =>
        chain.ChainStatus.Length == 0
            ? "untrusted chain"
            : string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).Distinct());

    private static X509Certificate2Collection Load(string[] files, string[] directories)
    {
        var roots = new X509Certificate2Collection();
        foreach (string file in files) TryImport(roots, file);
        foreach (string directory in directories.Where(Directory.Exists))
            foreach (string file in Directory.EnumerateFiles(directory))
                TryImport(roots, file);
        return roots;
    }

    private static void TryImport(X509Certificate2Collection roots, string file)
    {
        try
        {
            roots.ImportFromPemFile(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            // Not a PEM file, or unreadable: directories such as /etc/ssl/certs hold other files too.
        }
    }
}
