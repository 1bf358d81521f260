using System.Collections.Immutable;

namespace Tko.Generators
{
    /// <summary>Names of the incremental pipeline steps, so tests can check that each one caches.</summary>
    internal static class TrackingNames
    {
        public const string Extraction = "Tko.With.Extraction";
        public const string Diagnostics = "Tko.With.Diagnostics";
        public const string Targets = "Tko.With.Targets";

        public static ImmutableArray<string> All { get; } = ImmutableArray.Create(Extraction, Diagnostics, Targets);
    }
}
