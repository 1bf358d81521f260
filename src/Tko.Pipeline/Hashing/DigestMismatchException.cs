namespace Tko;

/// <summary>Content (from a registry or a layout on disk) does not match the digest (or size) it was asked for: corrupted, tampered with or truncated.</summary>
public sealed class DigestMismatchException : TkoException
{
    /// <summary>Where the content came from, e.g. <c>127.0.0.1:5000/busybox@sha256:…</c> or <c>oci:PATH</c>.</summary>
    public string Subject { get; }

    /// <summary>The digest asked for.</summary>
    public Digest Expected { get; }

    /// <summary>The digest of what arrived, when it was computed.</summary>
    public Digest? Actual { get; }

    /// <summary>Creates the exception; <paramref name="problem"/> says what differed.</summary>
    public DigestMismatchException(string subject, Digest expected, Digest? actual, string problem)
        : base($"{subject}: {problem}; the content is corrupt or has been replaced, do not use it")
        => (Subject, Expected, Actual) = (subject, expected, actual);
}
