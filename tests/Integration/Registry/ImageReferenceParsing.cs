using Xunit;

namespace Tko.Integration.Registry;

/// <summary>
/// References are parsed as Docker parses them; the cases come from the distribution project's
/// reference and normalisation tests (reference_test.go, normalize_test.go).
/// </summary>
public sealed class ImageReferenceParsing
{
    private const string Sha = "sha256:ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff";
    private const string Redis = "sha256:dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9c";

    public static TheoryData<string, string, string, string?, string?> Valid => new()
    {
        // input, registry, repository, tag, digest
        { "busybox", "docker.io", "library/busybox", "latest", null },
        { "redis:latest", "docker.io", "library/redis", "latest", null },
        { "docker.io/library/redis:latest", "docker.io", "library/redis", "latest", null },
        { "docker.io/redis", "docker.io", "library/redis", "latest", null },
        { "index.docker.io/library/debian", "docker.io", "library/debian", "latest", null },
        { "index.docker.io/debian", "docker.io", "library/debian", "latest", null },
        { "redis@" + Redis, "docker.io", "library/redis", null, Redis },
        { "dmcgowan/myapp", "docker.io", "dmcgowan/myapp", "latest", null },
        { "dmcgowan/myapp@" + Redis, "docker.io", "dmcgowan/myapp", null, Redis },
        { "docker.io/library/foo/bar", "docker.io", "library/foo/bar", "latest", null },
        { "library/foo/bar", "docker.io", "library/foo/bar", "latest", null },
        { "store/foo/bar", "docker.io", "store/foo/bar", "latest", null },
        { "other/library", "docker.io", "other/library", "latest", null },
        { "test_com", "docker.io", "library/test_com", "latest", null },
        { "test_com/foo", "docker.io", "test_com/foo", "latest", null },
        { "test.com:tag", "docker.io", "library/test.com", "tag", null },
        { "test.com:5000", "docker.io", "library/test.com", "5000", null },
        { "test.com/repo:tag", "test.com", "repo", "tag", null },
        { "test:5000/repo", "test:5000", "repo", "latest", null },
        { "test:5000/repo:tag", "test:5000", "repo", "tag", null },
        { "test:5000/repo@" + Sha, "test:5000", "repo", null, Sha },
        { "test:5000/repo:tag@" + Sha, "test:5000", "repo", "tag", Sha },
        { "lowercase:Uppercase", "docker.io", "library/lowercase", "Uppercase", null },
        { "sub-dom1.foo.com/bar/baz/quux", "sub-dom1.foo.com", "bar/baz/quux", "latest", null },
        { "sub-dom1.foo.com/bar/baz/quux:some-long-tag", "sub-dom1.foo.com", "bar/baz/quux", "some-long-tag", null },
        { "b.gcr.io/test.example.com/my-app:test.example.com", "b.gcr.io", "test.example.com/my-app", "test.example.com", null },
        { "xn--n3h.com/myimage:xn--n3h.com", "xn--n3h.com", "myimage", "xn--n3h.com", null },
        { "foo_bar.com:8080", "docker.io", "library/foo_bar.com", "8080", null },
        { "foo/foo_bar.com:8080", "docker.io", "foo/foo_bar.com", "8080", null },
        { "192.168.1.1", "docker.io", "library/192.168.1.1", "latest", null },
        { "192.168.1.1:tag", "docker.io", "library/192.168.1.1", "tag", null },
        { "192.168.1.1/repo", "192.168.1.1", "repo", "latest", null },
        { "192.168.1.1:5000/repo:5050", "192.168.1.1:5000", "repo", "5050", null },
        { "127.0.0.1:5000/docker/docker", "127.0.0.1:5000", "docker/docker", "latest", null },
        { "localhost/app", "localhost", "app", "latest", null },
        { "localhost:5000/app:v1", "localhost:5000", "app", "v1", null },
        { "[2001:db8::1]/repo", "[2001:db8::1]", "repo", "latest", null },
        { "[2001:db8:1:2:3:4:5:6]/repo:tag", "[2001:db8:1:2:3:4:5:6]", "repo", "tag", null },
        { "[2001:db8::1]:5000/repo:tag@" + Sha, "[2001:db8::1]:5000", "repo", "tag", Sha },
        { "[::1]:5000/repo", "[::1]:5000", "repo", "latest", null },
        { "Foo/bar", "Foo", "bar", "latest", null },
        { "FOO/bar", "FOO", "bar", "latest", null },
        { "Docker/docker", "Docker", "docker", "latest", null },
        { "docker---rules/docker", "docker.io", "docker---rules/docker", "latest", null },
        { "dock__er/docker", "docker.io", "dock__er/docker", "latest", null },
        { "d/docker", "docker.io", "d/docker", "latest", null },
        { "thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev", "docker.io", "library/thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev", "latest", null },
        { "docker.io/1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a", "docker.io", "library/1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a", "latest", null },
        { "ghcr.io/acme/app:" + "t" + new string('a', 127), "ghcr.io", "acme/app", "t" + new string('a', 127), null },
        // Normalised, the first "a" is no registry (no dot, no port): the whole 255-character path is the repository.
        { string.Concat(Enumerable.Repeat("a/", 127)) + "a:tag-puts-this-over-max", "docker.io", string.Concat(Enumerable.Repeat("a/", 127)) + "a", "tag-puts-this-over-max", null },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Valid_reference_splits_like_docker(string text, string registry, string repository, string? tag, string? digest)
    {
        ImageReference reference = ImageReference.Parse(text);

        Assert.Equal((registry, repository, tag, digest), (reference.Registry, reference.Repository, reference.Tag, reference.Digest?.ToString()));
        Assert.Equal(reference, ImageReference.Parse(reference.ToString()));
    }

    public static TheoryData<string> Invalid => new()
    {
        "",
        ":justtag",
        "@" + Sha,
        "repo@sha256:ffffffffffffffffffffffffffffffffff",
        "validname@invaliddigest:ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
        "Uppercase:tag",
        "test:5000/Uppercase/lowercase:tag",
        string.Concat(Enumerable.Repeat("a/", 128)) + "a:tag",
        "aa/asdf$$^/aa",
        "[2001:db8::1]",
        "[2001:db8::1]:5000",
        "[2001:db8::1]:tag",
        "[fe80::1%eth0]:5000/repo",
        "[fe80::1%@invalidzone]:5000/repo",
        "https://github.com/docker/docker",
        "docker/Docker",
        "-docker",
        "-docker/docker",
        "-docker.io/docker/docker",
        "docker///docker",
        "docker.io/docker/Docker",
        "docker.io/docker///docker",
        "fc00::1:5000/debian",
        "[2001:db8:3:4::192.0.2.33]:5000/debian",
        "1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a",
        "docker-/docker",
        "-docker-/docker",
        "____/____",
        "_docker/_docker",
        "dock..er/docker",
        "dock_.er/docker",
        "dock-.er/docker",
        "docker/",
        "this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255_this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255_this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255_this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255/docker",
        "busybox:" + new string('a', 129),
        "busybox:.hidden",
        "busybox:-dash",
        "busybox\n",
        "busybox:latest\n",
        "busybox@sha256:" + new string('F', 64),
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_reference_is_refused_quoting_it(string text)
    {
        var failure = Assert.Throws<ImageReferenceException>(() => ImageReference.Parse(text));

        Assert.StartsWith($"'{text}' is not a valid image reference: ", failure.Message, StringComparison.Ordinal);
        Assert.Null(ImageReference.TryParse(text));
    }

    [Fact]
    public void Uppercase_repository_is_named_in_the_message()
    {
        var failure = Assert.Throws<ImageReferenceException>(() => ImageReference.Parse("Uppercase:tag"));

        Assert.Contains("must be lowercase", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_digest_algorithms_are_refused_by_name()
    {
        var failure = Assert.Throws<ImageReferenceException>(() => ImageReference.Parse("xn--7o8h.com/myimage:xn--7o8h.com@sha512:" + new string('f', 128)));

        Assert.Contains("only sha256", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("busybox", "registry-1.docker.io", "docker.io/library/busybox")]
    [InlineData("docker.io/library/busybox", "registry-1.docker.io", "docker.io/library/busybox")]
    [InlineData("ghcr.io/acme/app", "ghcr.io", "ghcr.io/acme/app")]
    [InlineData("localhost:5000/app", "localhost:5000", "localhost:5000/app")]
    public void Docker_hub_is_contacted_at_its_api_host(string text, string host, string name)
    {
        ImageReference reference = ImageReference.Parse(text);

        Assert.Equal((host, name), (reference.Host, reference.Name));
    }

    [Fact]
    public void Tag_and_digest_are_both_kept_and_the_digest_is_what_is_fetched()
    {
        ImageReference reference = ImageReference.Parse("busybox:latest@" + Redis);

        Assert.Equal("docker.io/library/busybox:latest@" + Redis, reference.ToString());
        Assert.Equal(Redis, reference.Identifier);
    }

    [Fact]
    public void With_tag_validates_the_tag()
    {
        ImageReference reference = ImageReference.Parse("localhost:5000/app");

        Assert.Equal("localhost:5000/app:v2", reference.WithTag("v2").ToString());
        Assert.Throws<ImageReferenceException>(() => reference.WithTag("-bad"));
        Assert.Throws<ImageReferenceException>(() => reference.WithTag(new string('a', 129)));
    }
}
