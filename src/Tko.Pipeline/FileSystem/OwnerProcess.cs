using System.Diagnostics;
using System.Globalization;

namespace Tko.FileSystem;

/// <summary>
/// A process named by its pid and its start time, so that a pid reused by a later process is not
/// mistaken for the one that made a file. The start time is the kernel's (field 22 of
/// <c>/proc/PID/stat</c>, clock ticks since boot); where there is no <c>/proc</c> it is 0 and only the pid is checked.
/// </summary>
internal sealed record OwnerProcess(int Pid, long StartTime)
{
    /// <summary>This process.</summary>
    public static OwnerProcess Current { get; } = new(Environment.ProcessId, StartTimeOf(Environment.ProcessId) ?? 0);

    /// <summary>True unless the process is certainly gone: no such pid, or the pid now belongs to a process started at another time.</summary>
    public bool IsRunning()
    {
        if (Pid == Environment.ProcessId) return StartTime == Current.StartTime || StartTime == 0;
        if (Directory.Exists("/proc/self"))
        {
            if (!Directory.Exists($"/proc/{Pid}")) return false;
            long? started = StartTimeOf(Pid);
            return started is null || StartTime == 0 || started == StartTime;
        }
        try
        {
            using var process = Process.GetProcessById(Pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The start time in <c>/proc/PID/stat</c>, or null when it cannot be read.</summary>
    private static long? StartTimeOf(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) is in parentheses and may hold spaces or ')': fields are counted from the last ')'.
            string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[22 - 3], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
