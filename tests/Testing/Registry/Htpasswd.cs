namespace Tko.Testing.Registry;

/// <summary>
/// Writes the htpasswd file distribution's <c>auth.htpasswd</c> reads. It accepts bcrypt entries
/// only, so apache2-utils' <c>htpasswd -B</c> makes them rather than a hand-rolled hash.
/// </summary>
internal static class Htpasswd
{
    public static async Task WriteAsync(string path, BasicCredentials credentials)
    {
        // -n prints instead of editing a file, -b takes the password from the command line; cost 5 keeps checks fast.
        ProcessResult result = await ProcessRunner.RunCheckedAsync(
            RequiredTool.Find("htpasswd", "apache2-utils"), ["-nbB", "-C", "5", credentials.User, credentials.Password]);
        await File.WriteAllTextAsync(path, result.StandardOutput.Trim() + "\n");
    }
}
