using System.Buffers.Text;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace Tko.Testing.Registry;

/// <summary>The access one token grants on one resource: the JWT's <c>access</c> claim entry.</summary>
internal sealed record GrantedAccess(string Type, string Name, IReadOnlyList<string> Actions);

/// <summary>
/// Signs registry JWTs with RS256. Distribution 2.8 (registry/auth/token/token.go) finds the
/// signing key from the header: <c>x5c</c> first (the chain must verify against
/// <c>rootcertbundle</c>; a self-signed leaf that is itself in the bundle does), then <c>jwk</c>,
/// then <c>kid</c> read as a libtrust fingerprint of a key in the bundle. The header carries both
/// x5c and the libtrust kid, so newer registries that look the key up by kid accept it too.
/// </summary>
internal sealed class TokenSigner : IDisposable
{
    private readonly RSA _key;
    private readonly X509Certificate2 _certificate;
    private readonly string _keyId;

    public TokenSigner(string issuer)
    {
        Issuer = issuer;
        _key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={issuer}", _key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        DateTimeOffset now = DateTimeOffset.UtcNow;
        _certificate = request.CreateSelfSigned(now.AddHours(-1), now.AddDays(2));
        _keyId = LibtrustKeyId(_key.ExportSubjectPublicKeyInfo());
    }

    public string Issuer { get; }

    /// <summary>The PEM for the registry's <c>auth.token.rootcertbundle</c>.</summary>
    public string CertificatePem => _certificate.ExportCertificatePem() + "\n";

    public string Sign(string subject, string audience, IEnumerable<GrantedAccess> access, TimeSpan lifetime)
    {
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        byte[] header = Json(writer =>
        {
            writer.WriteString("typ", "JWT");
            writer.WriteString("alg", "RS256");
            writer.WriteString("kid", _keyId);
            writer.WriteStartArray("x5c");
            writer.WriteStringValue(Convert.ToBase64String(_certificate.RawData));
            writer.WriteEndArray();
        });
        byte[] claims = Json(writer =>
        {
            writer.WriteString("iss", Issuer);
            writer.WriteString("sub", subject);
            writer.WriteString("aud", audience);
            writer.WriteNumber("exp", now + (long)lifetime.TotalSeconds);
            writer.WriteNumber("nbf", now - 1);
            writer.WriteNumber("iat", now);
            writer.WriteString("jti", Guid.NewGuid().ToString("N"));
            writer.WriteStartArray("access");
            foreach (GrantedAccess entry in access)
            {
                writer.WriteStartObject();
                writer.WriteString("type", entry.Type);
                writer.WriteString("name", entry.Name);
                writer.WriteStartArray("actions");
                foreach (string action in entry.Actions) writer.WriteStringValue(action);
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        });
        string signingInput = $"{Base64Url.EncodeToString(header)}.{Base64Url.EncodeToString(claims)}";
        byte[] signature = _key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signingInput}.{Base64Url.EncodeToString(signature)}";
    }

    public void Dispose()
    {
        _certificate.Dispose();
        _key.Dispose();
    }

    private static byte[] Json(Action<Utf8JsonWriter> writeProperties)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeProperties(writer);
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    // libtrust's KeyID: SHA-256 of the DER SubjectPublicKeyInfo, first 240 bits, base32 without
    // padding (48 characters), in 12 groups of 4 joined by ':'.
    private static string LibtrustKeyId(byte[] subjectPublicKeyInfo)
    {
        byte[] hash = SHA256.HashData(subjectPublicKeyInfo)[..30];
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var base32 = new StringBuilder();
        int buffer = 0, bits = 0;
        foreach (byte b in hash)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                base32.Append(alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        return string.Join(':', Enumerable.Range(0, base32.Length / 4).Select(i => base32.ToString(i * 4, 4)));
    }
}
