namespace Tko.Testing;

/// <summary>
/// Finds a program the tests need on PATH. A missing one fails the test loudly, naming the Debian
/// package that provides it; tests never skip silently.
/// </summary>
public static class RequiredTool
{
    public static string Find(string program, string debianPackage)
    {
        foreach (string directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(directory, program);
            if (File.Exists(candidate)) return candidate;
        }
        throw new InvalidOperationException(
            $"'{program}' is not installed; install the Debian package '{debianPackage}' (apt-get install {debianPackage}), as README's test command does");
    }
}
