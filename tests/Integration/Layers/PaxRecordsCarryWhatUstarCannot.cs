using System.Globalization;
using System.Text;
using Xunit;

namespace Tko.Integration.Layers;

/// <summary>A path, link text or size that ustar cannot hold goes in a PAX extended header before the ustar block, and only then.</summary>
public sealed class PaxRecordsCarryWhatUstarCannot
{
    private static readonly UnixFileMode Mode644 = (UnixFileMode)0b110_100_100;

    [Fact]
    public void Single_segment_over_100_bytes_gets_a_path_record()
    {
        string name = "tko-app/" + new string('l', 150);
        var entry = new LayerEntry(name, LayerEntryKind.File, Mode644, 2, null, null, 0, 0);

        byte[] header = TarHeaderEncoder.Encode(entry, 0);

        Assert.Equal([new("path", name)], TarBlock.PaxRecordsOf(header));
        byte[] ustar = UstarBlock(header);
        Assert.Equal('0', TarBlock.TypeFlag(ustar));
        Assert.Equal(name[..100], TarBlock.Name(ustar));
        Assert.Equal(name, UstarHeadersHoldWhatFits.ReadBack(header, "ok"u8).Name);
    }

    [Fact]
    public void Truncated_ustar_name_never_splits_a_utf8_character()
    {
        string name = "tko-app/x" + string.Concat(Enumerable.Repeat("é", 70)); // 149 bytes; byte 100 is the middle of an 'é'
        var entry = new LayerEntry(name, LayerEntryKind.File, Mode644, 0, null, null, 0, 0);

        byte[] header = TarHeaderEncoder.Encode(entry, 0);

        Assert.Equal([new("path", name)], TarBlock.PaxRecordsOf(header));
        string ustarName = TarBlock.Name(UstarBlock(header)); // strict UTF-8: throws on a split character
        Assert.StartsWith(ustarName, name, StringComparison.Ordinal);
        Assert.Equal(99, Encoding.UTF8.GetByteCount(ustarName));
    }

    [Fact]
    public void Link_text_over_100_bytes_gets_a_linkpath_record()
    {
        string target = "/very/" + new string('t', 120);
        var entry = new LayerEntry("tko-app/link", LayerEntryKind.Symlink, (UnixFileMode)0b111_111_111, 0, target, null, 0, 0);

        byte[] header = TarHeaderEncoder.Encode(entry, 0);

        Assert.Equal([new("linkpath", target)], TarBlock.PaxRecordsOf(header));
        byte[] ustar = UstarBlock(header);
        Assert.Equal('2', TarBlock.TypeFlag(ustar));
        Assert.Equal("tko-app/link", TarBlock.Name(ustar));
        Assert.Equal(target, UstarHeadersHoldWhatFits.ReadBack(header, []).LinkName);
    }

    [Fact]
    public void Name_split_into_the_ustar_prefix_also_goes_in_the_pax_header_when_there_is_one()
    {
        // Found by the read-back property: System.Formats.Tar drops the ustar prefix after a PAX header.
        string name = "tko-app/" + new string('l', 121) + "/naïve/.env";
        string target = "/very/" + new string('t', 120);
        var entry = new LayerEntry(name, LayerEntryKind.Symlink, (UnixFileMode)0b111_111_111, 0, target, null, 0, 0);

        byte[] header = TarHeaderEncoder.Encode(entry, 0);

        Assert.Equal([new("linkpath", target), new("path", name)], TarBlock.PaxRecordsOf(header));
        var readBack = UstarHeadersHoldWhatFits.ReadBack(header, []);
        Assert.Equal(name, readBack.Name);
        Assert.Equal(target, readBack.LinkName);
    }

    [Fact]
    public void Size_of_8_GiB_gets_a_size_record_and_a_zero_ustar_size()
    {
        const long eightGiB = 8L << 30;
        var entry = new LayerEntry("tko-app/huge.bin", LayerEntryKind.File, Mode644, eightGiB, null, "/nowhere", 0, 0);

        byte[] header = TarHeaderEncoder.Encode(entry, 0);

        Assert.Equal([new("size", eightGiB.ToString(CultureInfo.InvariantCulture))], TarBlock.PaxRecordsOf(header));
        byte[] ustar = UstarBlock(header);
        Assert.Equal('0', TarBlock.TypeFlag(ustar));
        Assert.Equal(0, TarBlock.FileSize(ustar));
        Assert.Equal("tko-app/huge.bin", TarBlock.Name(ustar));
    }

    [Fact]
    public void Several_overflowing_fields_share_one_extended_header_in_key_order()
    {
        string name = "tko-app/" + new string('x', 120);
        string target = new('y', 130);
        var entry = new LayerEntry(name, LayerEntryKind.Symlink, (UnixFileMode)0b111_111_111, 0, target, null, 0, 0);

        byte[] header = TarHeaderEncoder.Encode(entry, 0);

        Assert.Equal([new("linkpath", target), new("path", name)], TarBlock.PaxRecordsOf(header));
        Assert.Equal(3 * TarBlock.Size, header.Length);
    }

    [Fact]
    public void Every_block_of_an_extended_entry_has_a_valid_checksum_and_ustar_magic()
    {
        var entry = new LayerEntry("tko-app/" + new string('z', 200), LayerEntryKind.File, Mode644, 8L << 30, null, null, 1000, 1000);

        byte[] header = TarHeaderEncoder.Encode(entry, 1_700_000_000);

        byte[] extended = header[..TarBlock.Size], ustar = UstarBlock(header);
        Assert.True(TarBlock.ChecksumIsValid(extended), "extended header checksum");
        Assert.True(TarBlock.ChecksumIsValid(ustar), "ustar header checksum");
        Assert.Equal("ustar\0" + "00", TarBlock.Magic(extended));
        Assert.Equal("ustar\0" + "00", TarBlock.Magic(ustar));
        Assert.Equal(1000, TarBlock.Uid(ustar));
        Assert.Equal(1000, TarBlock.Gid(ustar));
        Assert.Equal(1_700_000_000, TarBlock.MTime(ustar));
        Assert.Equal(1_700_000_000, TarBlock.MTime(extended));
    }

    /// <summary>The ustar block after the extended header and its padded records.</summary>
    internal static byte[] UstarBlock(byte[] header)
    {
        Assert.Equal('x', TarBlock.TypeFlag(header));
        int recordsEnd = TarBlock.Size + TarHeaderEncoder.Padded(TarBlock.FileSize(header));
        Assert.Equal(recordsEnd + TarBlock.Size, header.Length);
        return header[recordsEnd..];
    }
}
