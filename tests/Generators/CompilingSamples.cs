namespace Tko.Generators.Tests;

/// <summary>
/// Sample records covering each supported shape. Public members carry XML docs because the samples are
/// compiled with documentation diagnostics on, as the consuming library is.
/// </summary>
internal static class CompilingSamples
{
    private const string Usings = """
        using System.Collections.Generic;
        using System.Collections.Immutable;
        using Tko;

        """;

    public static readonly IReadOnlyDictionary<string, string> ByName = new Dictionary<string, string>
    {
        ["positional record"] = Usings + """
            namespace Samples;

            /// <summary>A person.</summary>
            /// <param name="Name">The name.</param>
            /// <param name="Age">The age.</param>
            [GenerateWith]
            public partial record Person(string Name, int Age);
            """,

        ["record with init properties"] = Usings + """
            namespace Samples;

            /// <summary>Settings with init, set, computed, static, internal and indexer members.</summary>
            [GenerateWith]
            public sealed partial record Settings
            {
                /// <summary>Host.</summary>
                public string Host { get; init; } = "localhost";

                /// <summary>Port.</summary>
                public int Port { get; set; }

                /// <summary>Computed, so skipped.</summary>
                public string Address => Host + ":" + Port;

                /// <summary>Static, so skipped.</summary>
                public static int Shared { get; set; }

                /// <summary>Non-public, so skipped.</summary>
                internal int Hidden { get; init; }

                /// <summary>Required members work with 'with' expressions too.</summary>
                public required string Id { get; init; }

                /// <summary>A private setter is still reachable from the generated part.</summary>
                public int Version { get; private set; }

                /// <summary>Obsolete, so skipped: using it would warn inside generated code.</summary>
                [System.Obsolete("Use Host.")]
                public string? Server { get; init; }

                /// <summary>Indexer, so skipped.</summary>
                /// <param name="i">Index.</param>
                public int this[int i] => i;
            }
            """,

        ["record struct"] = Usings + """
            namespace Samples;

            /// <summary>A point.</summary>
            /// <param name="X">X.</param>
            /// <param name="Y">Y.</param>
            [GenerateWith]
            public readonly partial record struct Point(int X, int Y);

            /// <summary>A mutable counter.</summary>
            [GenerateWith]
            public partial record struct Counter
            {
                /// <summary>Count.</summary>
                public int Count { get; set; }
            }
            """,

        ["generic record"] = Usings + """
            namespace Samples.Generic;

            /// <summary>A box.</summary>
            /// <typeparam name="T">Content type.</typeparam>
            /// <param name="Value">Content.</param>
            /// <param name="Fallback">Optional content.</param>
            [GenerateWith]
            public partial record Box<T>(T Value, T? Fallback);

            /// <summary>A pair.</summary>
            /// <typeparam name="TKey">Key type.</typeparam>
            /// <typeparam name="TValue">Value type.</typeparam>
            /// <param name="Key">Key.</param>
            /// <param name="Values">Values.</param>
            [GenerateWith]
            public partial record Pair<TKey, TValue>(TKey Key, ImmutableArray<TValue> Values)
                where TKey : notnull;
            """,

        ["nested record"] = Usings + """
            namespace Samples;

            /// <summary>Outer.</summary>
            public static partial class Outer
            {
                /// <summary>Inner.</summary>
                /// <param name="A">A.</param>
                [GenerateWith]
                public partial record Inner(int A);

                /// <summary>Middle.</summary>
                /// <typeparam name="T">T.</typeparam>
                public partial class Middle<T>
                {
                    /// <summary>Deep.</summary>
                    /// <param name="Item">Item.</param>
                    [GenerateWith]
                    public partial record struct Deep(T Item);

                    [GenerateWith]
                    private partial record Secret(T Item);
                }

                /// <summary>Holder.</summary>
                /// <typeparam name="T">T.</typeparam>
                public partial interface IHolder<T>
                {
                    /// <summary>Inside an interface.</summary>
                    /// <param name="B">B.</param>
                    [GenerateWith]
                    public partial record InInterface(int B);
                }
            }
            """,

        ["global namespace record"] = Usings + """
            /// <summary>Global.</summary>
            /// <param name="Text">Text.</param>
            [GenerateWith]
            public partial record GlobalThing(string Text);

            [GenerateWith]
            internal partial record InternalThing(string Text);
            """,

        ["nullable, collection and keyword members"] = Usings + """
            namespace Samples;

            /// <summary>A bag of awkward members.</summary>
            /// <param name="Note">Nullable reference.</param>
            /// <param name="Count">Nullable value.</param>
            /// <param name="Tags">Immutable array.</param>
            /// <param name="Numbers">Nullable immutable list.</param>
            /// <param name="Maybe">Array of nullable elements.</param>
            /// <param name="Event">Camel-cases to a keyword.</param>
            /// <param name="class">A keyword name.</param>
            /// <param name="Items">A list.</param>
            [GenerateWith]
            public partial record Bag(
                string? Note,
                int? Count,
                ImmutableArray<string> Tags,
                ImmutableList<int>? Numbers,
                ImmutableArray<string?> Maybe,
                bool Event,
                object @class,
                ImmutableList<KeyValuePair<string, int>> Items)
            {
                /// <summary>Another keyword-named property.</summary>
                public string? @int { get; init; }
            }
            """,

        ["nullable-oblivious record"] = Usings + """
            #nullable disable
            namespace Samples;

            /// <summary>Declared where nullable annotations are off.</summary>
            /// <param name="Name">Name.</param>
            /// <param name="Items">Items.</param>
            [GenerateWith]
            public partial record Legacy(string Name, ImmutableList<string> Items);
            """,

        ["keyword-named type"] = Usings + """
            namespace Samples;

            /// <summary>A type named with a keyword.</summary>
            /// <param name="Value">Value.</param>
            [GenerateWith]
            public partial record @event(int Value);
            """,

        ["derived records hide inherited methods with new"] = Usings + """
            namespace Samples;

            /// <summary>Base.</summary>
            /// <param name="X">X.</param>
            [GenerateWith]
            public partial record Base(int X);

            /// <summary>Derived, adding Y.</summary>
            /// <param name="X">X.</param>
            /// <param name="Y">Y.</param>
            [GenerateWith]
            public partial record Derived(int X, int Y) : Base(X);

            /// <summary>Derived with the same members, so Update hides too.</summary>
            /// <param name="X">X.</param>
            [GenerateWith]
            public partial record Same(int X) : Base(X);

            /// <summary>A hand-written base.</summary>
            public abstract record HandWritten
            {
                /// <summary>Hand-written.</summary>
                /// <param name="name">Name.</param>
                /// <returns>A copy.</returns>
                public HandWritten WithName(string name) => this;
            }

            /// <summary>Derived from a hand-written base.</summary>
            /// <param name="Name">Name.</param>
            [GenerateWith]
            public sealed partial record FromHandWritten(string Name) : HandWritten;
            """,

        ["user overloads next to generated methods"] = Usings + """
            namespace Samples;

            /// <summary>Named.</summary>
            /// <param name="First">First.</param>
            /// <param name="Last">Last.</param>
            [GenerateWith]
            public partial record Named(string First, string Last)
            {
                /// <summary>A different overload.</summary>
                /// <param name="full">Full name.</param>
                /// <returns>A copy.</returns>
                public Named Update(string full) => Update(full, string.Empty);

                /// <summary>A different overload.</summary>
                /// <param name="first">First.</param>
                /// <param name="trim">Whether to trim.</param>
                /// <returns>A copy.</returns>
                public Named WithFirst(string first, bool trim) => WithFirst(trim ? first.Trim() : first);
            }
            """,
    };
}
