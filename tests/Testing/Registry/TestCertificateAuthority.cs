using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Tko.Testing.Registry;

/// <summary>
/// A throwaway CA and a server certificate it signed for 127.0.0.1 (IP SAN) and localhost, written
/// as PEM files: the registry serves the leaf, clients trust only the CA — so a client that skips
/// verification, or checks the wrong name, is caught.
/// </summary>
internal sealed class TestCertificateAuthority
{
    private TestCertificateAuthority(X509Certificate2 ca, string caPath, string certificatePath, string keyPath, string certificateDirectory) =>
        (Certificate, CaPath, ServerCertificatePath, ServerKeyPath, CertificateDirectory) = (ca, caPath, certificatePath, keyPath, certificateDirectory);

    public X509Certificate2 Certificate { get; }

    public string CaPath { get; }

    public string ServerCertificatePath { get; }

    public string ServerKeyPath { get; }

    /// <summary>Holds only ca.crt, which containers/image reads as a trusted root from --cert-dir.</summary>
    public string CertificateDirectory { get; }

    public static TestCertificateAuthority Create(string directory)
    {
        DateTimeOffset now = DateTimeOffset.UtcNow;
        // ECDSA keys: generated in microseconds, and Go's TLS stack and .NET both take them.
        using ECDsa caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=tko test CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        X509Certificate2 ca = caRequest.CreateSelfSigned(now.AddHours(-1), now.AddDays(2));

        using ECDsa serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var serverRequest = new CertificateRequest("CN=127.0.0.1", serverKey, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        serverRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        serverRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        using X509Certificate2 server = serverRequest.Create(ca, now.AddHours(-1), now.AddDays(1), RandomNumberGenerator.GetBytes(16));

        string caPath = Path.Combine(directory, "ca.crt");
        string certificatePath = Path.Combine(directory, "server.crt");
        string keyPath = Path.Combine(directory, "server.key");
        string certificateDirectory = Path.Combine(directory, "cert-dir");
        Directory.CreateDirectory(certificateDirectory);
        File.WriteAllText(caPath, ca.ExportCertificatePem() + "\n");
        File.WriteAllText(Path.Combine(certificateDirectory, "ca.crt"), ca.ExportCertificatePem() + "\n");
        File.WriteAllText(certificatePath, server.ExportCertificatePem() + "\n");
        File.WriteAllText(keyPath, serverKey.ExportPkcs8PrivateKeyPem() + "\n");
        return new TestCertificateAuthority(ca, caPath, certificatePath, keyPath, certificateDirectory);
    }

    /// <summary>Accepts a server certificate only if it names the host and chains to this CA alone.</summary>
    public bool Validate(X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
            return false;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Certificate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(leaf);
    }
}
