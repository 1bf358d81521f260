namespace Tko.Integration.Inspection;

/// <summary>Builds a directory with the library, from scratch, at SOURCE_DATE_EPOCH 0, in 64 KiB chunks (so a small tree spans several), keeping each file's mode so a chmod shows.</summary>
public static class DiffBuilds
{
    public static BuildSpec Spec(string source, Target target, int workers = 2) =>
        BuildSpec.FromDirectory(source, 0) is var spec
            ? spec.WithTarget(target).WithLayer(spec.Layer.WithWorkers(workers).WithChunkSize(64 << 10)).WithModes(FileModes.Kept)
            : throw new InvalidOperationException();

    public static async Task<BuildResult> ToLayoutAsync(string source, string layout, int workers = 2) =>
        await Build.RunAsync(Spec(source, Target.OciLayout(layout), workers));
}
