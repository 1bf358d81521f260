using Tko.Integration.Support;
using Tko.Testing;
using Xunit;

namespace Tko.Integration.Inspection;

/// <summary>Two builds of one tree with 1 and 4 compression workers are the same image, and <see cref="ImageDiff"/> says so.</summary>
public sealed class WorkerCountLeavesImagesIdentical
{
    [Fact]
    public async Task One_and_four_workers_compare_identical()
    {
        using var work = new TempDirectory("diff-jobs");
        SampleTree.Write(work.Combine("src"));
        await DiffBuilds.ToLayoutAsync(work.Combine("src"), work.Combine("one"), workers: 1);
        await DiffBuilds.ToLayoutAsync(work.Combine("src"), work.Combine("four"), workers: 4);

        ImageComparison comparison = await ImageDiff.CompareAsync("oci:" + work.Combine("one"), "oci:" + work.Combine("four"), new DiffOptions(null, RegistryClientOptions.Default));

        Assert.True(comparison.Identical, ImageDiff.ToJson(comparison));
        Assert.Empty(comparison.Differences);
        Assert.Empty(comparison.DigestChanges);
        Assert.Equal(comparison.DigestA, comparison.DigestB);
    }
}
