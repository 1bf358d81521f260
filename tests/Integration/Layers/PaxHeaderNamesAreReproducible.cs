using System.Globalization;
using Xunit;

namespace Tko.Integration.Layers;

/// <summary>
/// The extended header's own name depends only on the entry, never on the process (System.Formats.Tar
/// puts the process id there), so the same entry encodes to the same bytes every time.
/// </summary>
public sealed class PaxHeaderNamesAreReproducible
{
    [Fact]
    public void Extended_header_name_has_no_process_id_and_encoding_is_identical_across_calls()
    {
        var entry = new LayerEntry("tko-app/" + new string('q', 140), LayerEntryKind.File, (UnixFileMode)0b110_100_100, 5, null, null, 0, 0);

        byte[] first = TarHeaderEncoder.Encode(entry, 0);
        byte[] second = TarHeaderEncoder.Encode(entry with { SourcePath = "/elsewhere" }, 0);

        Assert.Equal(first, second);
        string paxName = TarBlock.Name(first);
        Assert.DoesNotContain(Environment.ProcessId.ToString(CultureInfo.InvariantCulture), paxName, StringComparison.Ordinal);
        Assert.DoesNotContain("/tmp/", paxName, StringComparison.Ordinal);
    }
}
