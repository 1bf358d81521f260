using System.Net;

namespace Tko.Registry;

/// <summary>A response's content whose stream is a <see cref="DeadlineStream"/>; headers as served.</summary>
internal sealed class DeadlineContent : HttpContent
{
    private readonly HttpContent _inner;
    private readonly BodyDeadline _deadline;
    private readonly TimeProvider _clock;

    public DeadlineContent(HttpContent inner, BodyDeadline deadline, TimeProvider clock)
    {
        (_inner, _deadline, _clock) = (inner, deadline, clock);
        foreach (var header in inner.Headers) Headers.TryAddWithoutValidation(header.Key, header.Value);
    }

    protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
        new DeadlineStream(await _inner.ReadAsStreamAsync(cancellationToken), _deadline, _clock);

    protected override Task<Stream> CreateContentReadStreamAsync() => CreateContentReadStreamAsync(CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await using Stream body = await CreateContentReadStreamAsync(cancellationToken);
        await body.CopyToAsync(stream, cancellationToken);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _inner.Dispose();
        base.Dispose(disposing);
    }
}
