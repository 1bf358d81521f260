namespace Tko.Registry;

/// <summary>Marks a request the retry handler must send once only (a PATCH, whose retry is a resume the upload decides).</summary>
internal static class RetryOverride
{
    public static readonly HttpRequestOptionsKey<bool> SendOnce = new("tko.registry.send-once");

    public static HttpRequestMessage Once(this HttpRequestMessage request)
    {
        request.Options.Set(SendOnce, true);
        return request;
    }
}
