using Tko.Properties.Trees;
using Tko.Testing;

namespace Tko.Properties;

/// <summary>The default modes make the digest independent of the umask the source tree was checked out under.</summary>
public sealed class ModeNormalisationProperties
{
    private static readonly int[] Umasks = [0b000_000_010, 0b000_010_010, 0b000_111_111]; // 002, 022, 077

    [TreeProperty]
    public bool A_checkout_under_umask_002_022_or_077_gives_one_digest(TreeSpec tree)
    {
        using var sources = new TempDirectory("umask-src");
        using var output = new TempDirectory("umask-out");

        string[] references = [.. Umasks.Select(umask =>
        {
            string source = sources.Combine(Convert.ToString(umask, 8));
            Directory.CreateDirectory(source);
            CheckoutUnderUmask.Write(tree, source, seed: umask, umask);
            BuildSpec spec = BuildSpec.FromDirectory(source)
                .WithRepository("tko.local/umask")
                .WithTarget(Target.OciLayout(output.Combine(Convert.ToString(umask, 8))));
            return Build.RunAsync(spec).GetAwaiter().GetResult().Reference;
        })];

        return references.Distinct().Count() == 1;
    }

    [TreeProperty]
    public bool Kept_modes_do_depend_on_the_umask(TreeSpec tree)
    {
        // The counterpart that shows the property above is not vacuous: kept modes reveal the umask (the checkout's root at least).
        using var sources = new TempDirectory("umask-src");
        using var output = new TempDirectory("umask-out");

        string[] references = [.. new[] { Umasks[0], Umasks[1] }.Select(umask =>
        {
            string source = sources.Combine(Convert.ToString(umask, 8));
            Directory.CreateDirectory(source);
            CheckoutUnderUmask.Write(tree, source, seed: 7, umask);
            BuildSpec spec = BuildSpec.FromDirectory(source)
                .WithRepository("tko.local/umask")
                .WithTarget(Target.OciLayout(output.Combine(Convert.ToString(umask, 8))))
                .WithModes(FileModes.Kept);
            return Build.RunAsync(spec).GetAwaiter().GetResult().Reference;
        })];

        return references[0] != references[1];
    }
}
