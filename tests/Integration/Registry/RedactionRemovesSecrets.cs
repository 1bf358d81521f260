using Tko.Registry;
using Xunit;

namespace Tko.Integration.Registry;

/// <summary>Log lines and messages never carry a password, a token, an Authorization value or a secret query parameter.</summary>
public sealed class RedactionRemovesSecrets
{
    [Fact]
    public void Known_secrets_and_authorization_values_are_masked()
    {
        var redactor = new Redactor();
        redactor.Add("hunter2-password");

        string text = redactor.Text("user tko:hunter2-password sent Authorization: Bearer eyJhbGciOi.abc.def and Basic dGtvOmh1bnRlcjI=");

        Assert.DoesNotContain("hunter2-password", text, StringComparison.Ordinal);
        Assert.DoesNotContain("eyJhbGciOi", text, StringComparison.Ordinal);
        Assert.DoesNotContain("dGtvOmh1bnRlcjI", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Secret_query_parameters_are_masked_and_protocol_ones_kept()
    {
        var redactor = new Redactor();

        string url = redactor.Url(new Uri("https://user:pw@r.example/v2/app/blobs/uploads/abc?_state=SECRETSTATE&digest=sha256:00&X-Amz-Signature=SIG123&mount=sha256:11&from=base"));

        Assert.Equal("https://r.example/v2/app/blobs/uploads/abc?_state=***&digest=sha256:00&X-Amz-Signature=***&mount=sha256:11&from=base", url);
    }

    [Fact]
    public void Messages_stay_on_one_line()
    {
        Assert.Equal("a b c", Redactor.OneLine("a\r\n b\n\tc"));
    }

    [Fact]
    public void Login_text_form_hides_the_password()
    {
        var login = new RegistryLogin("ghcr.io", "me", "p@ssw0rd-secret");

        Assert.DoesNotContain("p@ssw0rd-secret", login.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Derived_forms_of_credentials_are_masked()
    {
        var redactor = new Redactor();
        redactor.AddLogin("reluser", "R3l/p@ss word+");
        redactor.Add("identity-token-0123456789");
        redactor.Add("eyJbearer.token/value+x");
        string basic = Convert.ToBase64String("reluser:R3l/p@ss word+"u8);

        string text = redactor.Text($"echo {basic} {basic.TrimEnd('=')} {Uri.EscapeDataString("R3l/p@ss word+")} {System.Net.WebUtility.UrlEncode("R3l/p@ss word+")} "
            + $"{Convert.ToBase64String("identity-token-0123456789"u8)} refresh_token={Uri.EscapeDataString("eyJbearer.token/value+x")} {Convert.ToBase64String("eyJbearer.token/value+x"u8).Replace('+', '-').Replace('/', '_')}");

        Assert.DoesNotContain(basic.TrimEnd('='), text, StringComparison.Ordinal);
        Assert.DoesNotContain("R3l", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String("identity-token-0123456789"u8).TrimEnd('='), text, StringComparison.Ordinal);
        Assert.DoesNotContain("eyJbearer", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String("eyJbearer.token/value+x"u8).Replace('+', '-').Replace('/', '_').TrimEnd('='), text, StringComparison.Ordinal);
        Assert.StartsWith("echo ***", text, StringComparison.Ordinal);
    }
}
