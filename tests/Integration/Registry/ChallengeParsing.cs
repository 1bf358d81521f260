using Xunit;

namespace Tko.Integration.Registry;

/// <summary>WWW-Authenticate values as registries send them become challenges with their parameters.</summary>
public sealed class ChallengeParsing
{
    [Fact]
    public void Bearer_challenge_gives_realm_service_and_scope()
    {
        AuthChallenge challenge = Assert.Single(AuthChallenge.ParseAll(
            ["Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\",scope=\"repository:library/busybox:pull\""]));

        Assert.True(challenge.IsBearer);
        Assert.Equal("https://auth.docker.io/token", challenge.Realm);
        Assert.Equal("registry.docker.io", challenge.Service);
        Assert.Equal("repository:library/busybox:pull", challenge.Scope);
        Assert.Null(challenge.Error);
    }

    [Fact]
    public void Insufficient_scope_error_is_read()
    {
        AuthChallenge challenge = Assert.Single(AuthChallenge.ParseAll(
            ["Bearer realm=\"http://127.0.0.1:1/token\",service=\"svc\",scope=\"repository:app:pull,push\",error=\"insufficient_scope\""]));

        Assert.Equal("insufficient_scope", challenge.Error);
        Assert.Equal("repository:app:pull,push", challenge.Scope);
    }

    [Fact]
    public void Basic_challenge_with_and_without_realm()
    {
        var challenges = AuthChallenge.ParseAll(["Basic realm=\"Registry Realm\"", "basic"]);

        Assert.Equal(2, challenges.Count);
        Assert.All(challenges, c => Assert.True(c.IsBasic));
        Assert.Equal("Registry Realm", challenges[0].Realm);
        Assert.Empty(challenges[1].Parameters);
    }

    [Fact]
    public void Several_challenges_in_one_header_are_split()
    {
        var challenges = AuthChallenge.ParseAll(["Basic realm=\"a, b\", Bearer realm=\"https://x/token\", service=svc"]);

        Assert.Equal(["Basic", "Bearer"], challenges.Select(c => c.Scheme));
        Assert.Equal("a, b", challenges[0].Realm);
        Assert.Equal("https://x/token", challenges[1].Realm);
        Assert.Equal("svc", challenges[1].Service);
    }

    [Fact]
    public void Quoted_escapes_and_parameter_case_are_handled()
    {
        AuthChallenge challenge = Assert.Single(AuthChallenge.ParseAll(["Bearer REALM=\"https://x/t?a=\\\"b\\\"\" ,  Service = \"s\""]));

        Assert.Equal("https://x/t?a=\"b\"", challenge.Realm);
        Assert.Equal("s", challenge.Service);
    }

    [Fact]
    public void Empty_and_garbage_values_give_nothing_usable()
    {
        Assert.Empty(AuthChallenge.ParseAll(["", "   ", ","]));
        Assert.All(AuthChallenge.ParseAll(["=\"x\""]), c => Assert.False(c.IsBasic || c.IsBearer));
    }
}
