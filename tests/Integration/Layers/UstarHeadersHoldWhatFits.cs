using System.Formats.Tar;
using System.Text;
using Xunit;

namespace Tko.Integration.Layers;

/// <summary>Entries whose fields fit ustar get one plain ustar block; a long path with a suitable '/' is split into prefix and name.</summary>
public sealed class UstarHeadersHoldWhatFits
{
    private static readonly UnixFileMode Mode755 = (UnixFileMode)0b111_101_101;

    [Fact]
    public void Entry_that_fits_has_one_ustar_block_and_no_pax_header()
    {
        string name = "tko-app/" + new string('n', 92); // exactly 100 bytes
        string link = "/" + new string('l', 99);        // exactly 100 bytes
        var entry = new LayerEntry(name, LayerEntryKind.Symlink, (UnixFileMode)0b111_111_111, 0, link, null, 0, 0);

        byte[] header = TarHeaderEncoder.Encode(entry, 1234);

        Assert.Equal(TarBlock.Size, header.Length);
        Assert.Equal('2', TarBlock.TypeFlag(header));
        Assert.Equal(name, TarBlock.Name(header));
        Assert.Equal("", TarBlock.Prefix(header));
        Assert.Equal(link, TarBlock.LinkName(header));
        Assert.Equal("ustar\0" + "00", TarBlock.Magic(header));
        Assert.Equal(0b111_111_111, TarBlock.Mode(header));
        Assert.Equal(1234, TarBlock.MTime(header));
        Assert.True(TarBlock.ChecksumIsValid(header));
    }

    [Fact]
    public void Long_path_is_split_at_a_slash_into_prefix_and_name()
    {
        string directory = "tko-app/" + new string('d', 80);
        string file = new('f', 60);
        var entry = new LayerEntry($"{directory}/{file}", LayerEntryKind.File, Mode755, 3, null, null, 0, 0);

        byte[] header = TarHeaderEncoder.Encode(entry, 0);

        Assert.Equal(TarBlock.Size, header.Length);
        Assert.Equal('0', TarBlock.TypeFlag(header));
        Assert.Equal(directory, TarBlock.Prefix(header));
        Assert.Equal(file, TarBlock.Name(header));
        Assert.Equal(3, TarBlock.FileSize(header));
        Assert.True(TarBlock.ChecksumIsValid(header));
        Assert.Equal(entry.Name, ReadBack(header, "abc"u8).Name);
    }

    [Fact]
    public void Directory_name_keeps_its_trailing_slash_in_the_name_half()
    {
        string parent = "tko-app/" + new string('p', 90);
        string child = new string('c', 40) + "/";
        var entry = new LayerEntry($"{parent}/{child}", LayerEntryKind.Directory, Mode755, 0, null, null, 0, 0);

        byte[] header = TarHeaderEncoder.Encode(entry, 0);

        Assert.Equal(TarBlock.Size, header.Length);
        Assert.Equal('5', TarBlock.TypeFlag(header));
        Assert.Equal(parent, TarBlock.Prefix(header));
        Assert.Equal(child, TarBlock.Name(header));
        Assert.Equal(entry.Name, ReadBack(header, []).Name);
    }

    [Fact]
    public void Size_just_under_8_GiB_still_fits_the_ustar_size_field()
    {
        const long largest = (8L << 30) - 1;
        var entry = new LayerEntry("tko-app/big", LayerEntryKind.File, Mode755, largest, null, null, 0, 0);

        byte[] header = TarHeaderEncoder.Encode(entry, 0);

        Assert.Equal(TarBlock.Size, header.Length);
        Assert.Equal(largest, TarBlock.FileSize(header));
        Assert.Equal("77777777777", Encoding.ASCII.GetString(header, 124, 11));
    }

    /// <summary>Reads the entry back with System.Formats.Tar from the header, its content and the end marker.</summary>
    internal static TarEntry ReadBack(byte[] header, ReadOnlySpan<byte> content)
    {
        var archive = new MemoryStream();
        archive.Write(header);
        archive.Write(content);
        archive.Write(new byte[TarHeaderEncoder.Padded(content.Length) - content.Length + 2 * TarBlock.Size]);
        archive.Position = 0;
        using var reader = new TarReader(archive);
        TarEntry entry = reader.GetNextEntry(copyData: true) ?? throw new InvalidDataException("no entry read back");
        Assert.Null(reader.GetNextEntry());
        return entry;
    }
}
