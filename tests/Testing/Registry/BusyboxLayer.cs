using System.Formats.Tar;
using System.IO.Compression;

namespace Tko.Testing.Registry;

/// <summary>
/// The one layer of the busybox test image: Debian's statically linked /bin/busybox with
/// /bin/sh, /bin/echo, /bin/cat and /bin/ls linked to it, owned by root, dated the epoch so
/// the bytes depend on the busybox package alone. Built once per test run and kept in memory.
/// </summary>
internal sealed record BusyboxLayer(byte[] Gzip, Digest DiffId)
{
    public static readonly string[] Applets = ["sh", "echo", "cat", "ls"];

    private static readonly Lazy<BusyboxLayer> Built = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    public static BusyboxLayer Instance => Built.Value;

    public Digest Digest { get; } = Digest.OfContent(Gzip);

    private static BusyboxLayer Build()
    {
        string busybox = RequiredTool.Find("busybox", "busybox-static");
        var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Ustar, leaveOpen: true))
        {
            writer.WriteEntry(Entry(TarEntryType.Directory, "bin/", 0b111_101_101));
            using (FileStream content = File.OpenRead(busybox))
            {
                UstarTarEntry binary = Entry(TarEntryType.RegularFile, "bin/busybox", 0b111_101_101);
                binary.DataStream = content;
                writer.WriteEntry(binary);
            }
            foreach (string applet in Applets)
            {
                UstarTarEntry link = Entry(TarEntryType.SymbolicLink, $"bin/{applet}", 0b111_111_111);
                link.LinkName = "busybox";
                writer.WriteEntry(link);
            }
        }
        byte[] tarBytes = tar.ToArray();
        var gzip = new MemoryStream();
        using (var compressor = new GZipStream(gzip, CompressionLevel.Optimal, leaveOpen: true))
            compressor.Write(tarBytes);
        return new BusyboxLayer(gzip.ToArray(), Digest.OfContent(tarBytes));
    }

    private static UstarTarEntry Entry(TarEntryType type, string name, int mode) => new(type, name)
    {
        Mode = (UnixFileMode)mode,
        ModificationTime = DateTimeOffset.UnixEpoch,
        Uid = 0,
        Gid = 0,
        UserName = "root",
        GroupName = "root",
    };
}
