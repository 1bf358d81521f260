using System.Text;
using Tko.Testing;

namespace Tko.Integration.Registry;

/// <summary>A docker config directory and credential helper scripts written by a test.</summary>
internal static class CredentialFiles
{
    /// <summary>Writes <c>config.json</c> with <paramref name="json"/> into a new directory of <paramref name="root"/>.</summary>
    public static string DockerConfig(TempDirectory root, string json)
    {
        string directory = root.Combine("docker-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "config.json"), json);
        return directory;
    }

    public static string BasicAuth(string user, string password) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));

    /// <summary>
    /// Writes <c>docker-credential-tkotest</c> into a new directory: for <c>get</c> with server
    /// <paramref name="server"/> on stdin it prints the user and secret, otherwise "credentials not
    /// found". Every call is appended to calls.log beside it. Returns the directory.
    /// </summary>
    public static string HelperScript(TempDirectory root, string server, string user, string secret)
    {
        string directory = root.Combine("helpers-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        string script = Path.Combine(directory, "docker-credential-tkotest");
        File.WriteAllText(script, $$"""
            #!/bin/sh
            read -r server || true
            echo "$1 $server" >> "{{Path.Combine(directory, "calls.log")}}"
            if [ "$1" = get ] && [ "$server" = "{{server}}" ]; then
              printf '{"ServerURL":"%s","Username":"{{user}}","Secret":"{{secret}}"}\n' "$server"
            else
              echo "credentials not found in native keychain"
              exit 1
            fi
            """.Replace("\r", ""));
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return directory;
    }
}
