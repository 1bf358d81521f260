using System.Text;

namespace Tko;

/// <summary>
/// Encodes tar headers byte for byte: ustar wherever the fields fit, preceded by a PAX extended
/// header only for a path or link text too long for ustar or a size of 8 GiB or more.
/// System.Formats.Tar is not used for writing because its PAX entries name their extended header
/// after the process id and add atime/ctime records, which would make layers irreproducible.
/// </summary>
public static class TarHeaderEncoder
{
    /// <summary>The tar block size.</summary>
    public const int BlockSize = 512;

    /// <summary>The largest value of an 11-digit octal field (size, mtime): 8^11 - 1, one byte short of 8 GiB.</summary>
    public const long MaxOctal11 = (1L << 33) - 1;
    private const int NameLength = 100, PrefixLength = 155, LinkLength = 100;

    /// <summary>Encodes the header block(s) of <paramref name="entry"/> with modification time <paramref name="mtime"/> (seconds since the epoch).</summary>
    public static byte[] Encode(LayerEntry entry, long mtime)
    {
        byte[] name = Encoding.UTF8.GetBytes(entry.Name);
        byte[] link = entry.LinkTarget is null ? [] : Encoding.UTF8.GetBytes(entry.LinkTarget);
        var pax = new SortedDictionary<string, string>(StringComparer.Ordinal);

        (byte[] prefixField, byte[] nameField) = SplitName(name, out bool nameFits);
        if (!nameFits)
        {
            pax["path"] = entry.Name;
            (prefixField, nameField) = ([], Truncate(name, NameLength));
        }
        if (link.Length > LinkLength)
        {
            pax["linkpath"] = entry.LinkTarget!;
            link = Truncate(link, LinkLength);
        }
        long size = entry.Kind == LayerEntryKind.File ? entry.Size : 0;
        if (size > MaxOctal11)
            pax["size"] = size.ToString(System.Globalization.CultureInfo.InvariantCulture);

        // Readers differ on whether a ustar prefix still applies once a PAX header precedes the
        // entry (System.Formats.Tar ignores it): when there is a PAX header anyway, it carries the path.
        if (pax.Count > 0 && prefixField.Length > 0)
            pax["path"] = entry.Name;

        byte type = entry.Kind switch
        {
            LayerEntryKind.File => (byte)'0',
            LayerEntryKind.Symlink => (byte)'2',
            _ => (byte)'5',
        };
        byte[] header = Ustar(nameField, prefixField, link, (long)entry.Mode, entry.Uid, entry.Gid,
            size > MaxOctal11 ? 0 : size, mtime, type);
        if (pax.Count == 0)
            return header;

        byte[] records = PaxRecords(pax);
        byte[] paxName = Truncate(Encoding.UTF8.GetBytes("PaxHeaders/" + LastSegment(entry.Name)), NameLength);
        byte[] paxHeader = Ustar(paxName, [], [], 0b110_100_100, entry.Uid, entry.Gid, records.Length, mtime, (byte)'x');
        var result = new byte[BlockSize + Padded(records.Length) + BlockSize];
        paxHeader.CopyTo(result, 0);
        records.CopyTo(result, BlockSize);
        header.CopyTo(result, BlockSize + Padded(records.Length));
        return result;
    }

    /// <summary>Rounds <paramref name="length"/> up to a whole number of blocks.</summary>
    public static int Padded(long length) => checked((int)((length + BlockSize - 1) / BlockSize * BlockSize));

    private static byte[] Ustar(byte[] name, byte[] prefix, byte[] link, long mode, int uid, int gid, long size, long mtime, byte type)
    {
        var block = new byte[BlockSize];
        name.CopyTo(block, 0);
        Octal(block.AsSpan(100, 8), mode);
        Octal(block.AsSpan(108, 8), uid);
        Octal(block.AsSpan(116, 8), gid);
        Octal(block.AsSpan(124, 12), size);
        Octal(block.AsSpan(136, 12), mtime);
        block[156] = type;
        link.CopyTo(block, 157);
        "ustar\0"u8.CopyTo(block.AsSpan(257));
        "00"u8.CopyTo(block.AsSpan(263));
        Octal(block.AsSpan(329, 8), 0);
        Octal(block.AsSpan(337, 8), 0);
        prefix.CopyTo(block, 345);

        // The checksum is computed with its own field read as eight spaces.
        "        "u8.CopyTo(block.AsSpan(148));
        int sum = 0;
        foreach (byte b in block) sum += b;
        Octal(block.AsSpan(148, 7), sum);
        block[155] = (byte)' ';
        return block;
    }

    /// <summary>Writes <paramref name="value"/> as zero-padded octal digits followed by NUL, filling the field.</summary>
    private static void Octal(Span<byte> field, long value)
    {
        if (value < 0) throw new ArgumentOutOfRangeException(nameof(value), value, "tar numeric fields cannot be negative");
        int digits = field.Length - 1;
        for (int i = digits - 1; i >= 0; i--, value >>= 3)
            field[i] = (byte)('0' + (value & 7));
        if (value != 0) throw new ArgumentOutOfRangeException(nameof(value), "value does not fit its tar field");
        field[digits] = 0;
    }

    /// <summary>Fits a name into ustar's name field, or its prefix and name fields split at a '/'.</summary>
    private static (byte[] Prefix, byte[] Name) SplitName(byte[] name, out bool fits)
    {
        fits = true;
        if (name.Length <= NameLength)
            return ([], name);
        // Split at the right-most '/' that leaves both halves within their fields; a trailing '/' of a directory stays in the name half.
        int searchFrom = Math.Min(name.Length - 2, PrefixLength);
        for (int i = searchFrom; i > 0; i--)
        {
            if (name[i] != (byte)'/') continue;
            int rest = name.Length - i - 1;
            if (rest > NameLength) break;
            return (name[..i], name[(i + 1)..]);
        }
        fits = false;
        return ([], name);
    }

    private static byte[] Truncate(byte[] value, int length)
    {
        if (value.Length <= length) return value;
        int cut = length;
        while (cut > 0 && (value[cut] & 0xC0) == 0x80) cut--; // never split a UTF-8 sequence
        return value[..cut];
    }

    private static string LastSegment(string name)
    {
        string trimmed = name.TrimEnd('/');
        int slash = trimmed.LastIndexOf('/');
        return slash < 0 ? trimmed : trimmed[(slash + 1)..];
    }

    /// <summary>PAX records "LEN key=value\n", where LEN counts the whole record including its own digits.</summary>
    private static byte[] PaxRecords(SortedDictionary<string, string> records)
    {
        var output = new List<byte>();
        foreach ((string key, string value) in records)
        {
            int body = Encoding.UTF8.GetByteCount(key) + Encoding.UTF8.GetByteCount(value) + 3; // ' ', '=', '\n'
            int length = body + 1;
            while (length != body + length.ToString(System.Globalization.CultureInfo.InvariantCulture).Length)
                length = body + length.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
            output.AddRange(Encoding.UTF8.GetBytes($"{length} {key}={value}\n"));
        }
        return [.. output];
    }
}
