using System.Diagnostics;
using System.Text.Json;
using System.Text;

namespace Tko.Registry;

/// <summary>
/// Runs <c>docker-credential-NAME get</c> with the registry's server URL on standard input and reads
/// <c>{"Username","Secret"}</c> from its output; a user name of <c>&lt;token&gt;</c> makes the secret
/// an identity token. "credentials not found" gives nothing; any other failure is an error naming
/// the helper (never its output's secret).
/// </summary>
internal sealed class CredentialHelper(string? searchPath, Redactor redactor)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public async Task<Credential?> GetAsync(string name, string registry, CancellationToken cancellationToken)
    {
        string program = "docker-credential-" + name;
        string path = Locate(program)
            ?? throw new CredentialHelperException(program, registry, "is not installed: it is not on PATH (docker's config names it as credsStore or in credHelpers)");

        var start = new ProcessStartInfo(path)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
        };
        start.ArgumentList.Add("get");
        if (searchPath is not null) start.Environment["PATH"] = searchPath;

        using Process process = Process.Start(start) ?? throw new CredentialHelperException(program, registry, "could not be started");
        Task<string> output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        Task<string> errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardInput.WriteAsync(RegistryNames.ServerUrl(registry));
        process.StandardInput.Close();

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Limit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new CredentialHelperException(program, registry, $"did not answer within {Limit.TotalSeconds:F0} s");
        }

        string stdout = await output, stderr = await errors;
        if (process.ExitCode != 0)
        {
            if ((stdout + stderr).Contains("credentials not found", StringComparison.OrdinalIgnoreCase)) return null;
            string said = redactor.Text((stderr.Trim().Length > 0 ? stderr : stdout).Trim());
            throw new CredentialHelperException(program, registry, $"failed with exit code {process.ExitCode}{(said.Length > 0 ? ": " + Truncate(said) : "")}");
        }

        CredentialHelperOutput? answer;
        try
        {
            answer = JsonSerializer.Deserialize(stdout, RegistryJsonContext.Default.CredentialHelperOutput);
        }
        catch (JsonException)
        {
            throw new CredentialHelperException(program, registry, "printed something that is not {\"Username\",\"Secret\"} JSON");
        }
        if (answer?.Secret is not { Length: > 0 } secret) return null;
        redactor.Add(secret);
        string source = $"credential helper {program}";
        return answer.Username == "<token>"
            ? new Credential(null, null, secret, null, source)
            : new Credential(answer.Username ?? "", secret, null, null, source);
    }

    private string? Locate(string program)
    {
        string path = searchPath ?? Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (string directory in path.Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(directory, program);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
