namespace Tko;

/// <summary>The Docker daemon a LOCAL_DAEMON build loads into cannot be reached, or refused the image.</summary>
public sealed class DaemonException : TkoException
{
    /// <summary>The daemon's address, e.g. <c>unix:///var/run/docker.sock</c>.</summary>
    public string Address { get; }

    /// <summary>Creates the exception for the daemon at <paramref name="address"/>; <paramref name="message"/> names it as the user set it.</summary>
    public DaemonException(string address, string message, Exception? inner = null)
        : base(message, inner ?? new IOException(message)) => Address = address;
}
