namespace Tko.Registry;

/// <summary>
/// A registry that has answered before refused a connection: most likely it is restarting, so the
/// failure is transient, unlike a refused first contact (a wrong address), which is reported at once.
/// </summary>
internal sealed class RestartingRegistryException(string authority, Exception inner)
    : IOException($"{authority} refused the connection after answering before; it may be restarting", inner);
