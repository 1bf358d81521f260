namespace Tko.Registry;

/// <summary>A request body that can be produced again for a retry (a byte range of a spool file).</summary>
internal abstract class ReplayableContent : HttpContent
{
}
