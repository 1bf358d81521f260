using System.Globalization;
using System.Text;
using Xunit;

namespace Tko.Integration.Layers;

/// <summary>Reads ustar header fields and PAX records back by their POSIX offsets, independently of the encoder.</summary>
public static class TarBlock
{
    public const int Size = 512;

    public static string Name(ReadOnlySpan<byte> block) => Text(block, 0, 100);
    public static long Mode(ReadOnlySpan<byte> block) => Octal(block, 100, 8);
    public static long Uid(ReadOnlySpan<byte> block) => Octal(block, 108, 8);
    public static long Gid(ReadOnlySpan<byte> block) => Octal(block, 116, 8);
    public static long FileSize(ReadOnlySpan<byte> block) => Octal(block, 124, 12);
    public static long MTime(ReadOnlySpan<byte> block) => Octal(block, 136, 12);
    public static char TypeFlag(ReadOnlySpan<byte> block) => (char)block[156];
    public static string LinkName(ReadOnlySpan<byte> block) => Text(block, 157, 100);
    public static string Magic(ReadOnlySpan<byte> block) => Encoding.ASCII.GetString(block.Slice(257, 8));
    public static string Prefix(ReadOnlySpan<byte> block) => Text(block, 345, 155);

    /// <summary>The raw bytes of a NUL-padded text field, up to its first NUL.</summary>
    public static byte[] Field(ReadOnlySpan<byte> block, int offset, int length)
    {
        ReadOnlySpan<byte> field = block.Slice(offset, length);
        int end = field.IndexOf((byte)0);
        return (end < 0 ? field : field[..end]).ToArray();
    }

    /// <summary>A text field as strict UTF-8: a field holding a split character fails the test.</summary>
    public static string Text(ReadOnlySpan<byte> block, int offset, int length) =>
        new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Field(block, offset, length));

    public static long Octal(ReadOnlySpan<byte> block, int offset, int length)
    {
        string digits = Encoding.ASCII.GetString(block.Slice(offset, length)).TrimEnd('\0', ' ');
        return Convert.ToInt64(digits.Length == 0 ? "0" : digits, 8);
    }

    /// <summary>Whether the stored checksum equals the sum of the block's bytes with the checksum field read as spaces.</summary>
    /// <summary>The records of the extended header <paramref name="header"/> starts with: the data its size field declares.</summary>
    public static List<KeyValuePair<string, string>> PaxRecordsOf(byte[] header)
    {
        Assert.Equal('x', TypeFlag(header));
        return PaxRecords(header.AsSpan(Size, checked((int)FileSize(header))));
    }

    public static bool ChecksumIsValid(ReadOnlySpan<byte> block)
    {
        long sum = 0;
        for (int i = 0; i < Size; i++) sum += i is >= 148 and < 156 ? (byte)' ' : block[i];
        return Octal(block, 148, 8) == sum;
    }

    /// <summary>Parses the PAX records "LEN key=value\n" of an extended header, checking each LEN is its record's byte count.</summary>
    public static List<KeyValuePair<string, string>> PaxRecords(ReadOnlySpan<byte> data)
    {
        var records = new List<KeyValuePair<string, string>>();
        while (!data.IsEmpty)
        {
            int space = data.IndexOf((byte)' ');
            int length = int.Parse(Encoding.ASCII.GetString(data[..space]), CultureInfo.InvariantCulture);
            Assert.True(length <= data.Length, $"a PAX record claims {length} bytes, {data.Length} are left");
            ReadOnlySpan<byte> record = data[..length];
            Assert.Equal((byte)'\n', record[^1]);
            string body = Encoding.UTF8.GetString(record[(space + 1)..^1]);
            int equals = body.IndexOf('=');
            records.Add(new(body[..equals], body[(equals + 1)..]));
            data = data[length..];
        }
        return records;
    }
}
