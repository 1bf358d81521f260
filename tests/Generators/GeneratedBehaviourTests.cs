using System.Collections.Immutable;
using Tko.Generators.Tests.Infrastructure;
using Xunit;
using static Tko.Generators.Tests.Infrastructure.LoadedSample;

namespace Tko.Generators.Tests;

/// <summary>Compiles the behaviour sample once for every test in <see cref="GeneratedBehaviourTests"/>.</summary>
public sealed class BehaviourSample : IDisposable
{
    internal LoadedSample Loaded { get; } = new("""
        using System.Collections.Immutable;
        using Tko;

        namespace Samples;

        [GenerateWith]
        public partial record Person(string Name, int Age, ImmutableArray<string> Items)
        {
            public ImmutableList<int> Scores { get; init; } = ImmutableList<int>.Empty;

            public string Nickname { get; set; } = "";
        }

        [GenerateWith]
        public partial record Pseudonyms(ImmutableList<string>? Aliases);

        [GenerateWith]
        public partial record Labelled(ImmutableSortedDictionary<string, string>? Labels, ImmutableDictionary<string, int> Counts);

        [GenerateWith]
        public partial record Box<T>(T Value);

        [GenerateWith]
        public partial record struct Point(int X, int Y);
        """);

    public void Dispose() => Loaded.Dispose();
}

public sealed class GeneratedBehaviourTests(BehaviourSample sample) : IClassFixture<BehaviourSample>
{
    private object Person(string name = "Ada", int age = 36, params string[] items) =>
        sample.Loaded.Create("Samples.Person", name, age, ImmutableArray.Create(items));

    // As an array: xunit would compare two ImmutableArray values by reference.
    private static string[] Items(object person) => ((ImmutableArray<string>)Get(person, "Items")!).ToArray();

    [Fact]
    public void With_the_current_value_returns_the_same_instance()
    {
        var person = Person(items: "a");

        Assert.Same(person, Call(person, "WithName", Get(person, "Name")));
        Assert.Same(person, Call(person, "WithAge", Get(person, "Age")));
        Assert.Same(person, Call(person, "WithItems", Get(person, "Items")));
        Assert.Same(person, Call(person, "WithScores", Get(person, "Scores")));
    }

    [Fact]
    public void Update_with_every_current_value_returns_the_same_instance()
    {
        var person = Person();

        var updated = Call(person, "Update", Get(person, "Name"), Get(person, "Age"), Get(person, "Items"), Get(person, "Scores"), Get(person, "Nickname"));

        Assert.Same(person, updated);
    }

    [Fact]
    public void Update_with_one_new_value_returns_a_changed_copy()
    {
        var person = Person();

        var updated = Call(person, "Update", "Grace", Get(person, "Age"), Get(person, "Items"), Get(person, "Scores"), Get(person, "Nickname"));

        Assert.NotSame(person, updated);
        Assert.Equal("Grace", Get(updated, "Name"));
        Assert.Equal(36, Get(updated, "Age"));
    }

    [Fact]
    public void With_a_new_value_changes_only_that_member()
    {
        var person = Person(items: "a");
        Set(person, "Nickname", "Countess");

        var older = Call(person, "WithAge", 37);

        Assert.NotSame(person, older);
        Assert.Equal(37, Get(older, "Age"));
        Assert.Equal(36, Get(person, "Age"));
        Assert.Equal(Get(person, "Name"), Get(older, "Name"));
        Assert.Equal(Get(person, "Items"), Get(older, "Items"));
        Assert.Same(Get(person, "Scores"), Get(older, "Scores"));
        Assert.Equal("Countess", Get(older, "Nickname"));
    }

    [Fact]
    public void Copies_do_not_share_mutable_state_with_the_original()
    {
        var person = Person();
        var copy = Call(person, "WithName", "Grace");

        Set(copy, "Nickname", "Amazing");

        Assert.Equal("", Get(person, "Nickname"));
        Assert.Equal("Amazing", Get(copy, "Nickname"));
    }

    [Fact]
    public void Add_appends_to_an_immutable_array_and_leaves_the_original_alone()
    {
        var person = Person(items: "a");

        var grown = Call(person, "AddItems", new object[] { new[] { "b", "c" } });

        Assert.Equal(["a", "b", "c"], Items(grown));
        Assert.Equal(["a"], Items(person));
    }

    [Fact]
    public void With_takes_any_sequence_for_an_immutable_array_or_list()
    {
        var person = Person(items: "a");

        var changed = Call(Call(person, "WithItems", new List<string> { "x", "y" }.Select(i => i)), "WithScores", new[] { 3, 1, 2 }.AsEnumerable());

        Assert.Equal(["x", "y"], Items(changed));
        Assert.Equal([3, 1, 2], (ImmutableList<int>)Get(changed, "Scores")!);
        Assert.Equal(["a"], Items(person));
    }

    [Fact]
    public void With_a_sequence_keeps_null_for_a_nullable_list()
    {
        var names = sample.Loaded.Create("Samples.Pseudonyms", new object?[] { null });
        var withSequence = names.GetType().GetMethod("WithAliases", [typeof(IEnumerable<string>)])!;

        var named = withSequence.Invoke(names, [new[] { "Countess" }.AsEnumerable()])!;
        var cleared = withSequence.Invoke(named, [null])!;

        Assert.Equal(["Countess"], (ImmutableList<string>)Get(named, "Aliases")!);
        Assert.Null(Get(cleared, "Aliases"));
    }

    [Fact]
    public void With_takes_any_key_value_pairs_for_an_immutable_dictionary()
    {
        var labelled = sample.Loaded.Create("Samples.Labelled", null, ImmutableDictionary<string, int>.Empty);
        IEnumerable<KeyValuePair<string, int>> counts = new Dictionary<string, int> { ["a"] = 1, ["b"] = 2 };

        var changed = Call(labelled, "WithCounts", counts);

        Assert.Equal(counts.OrderBy(p => p.Key), ((ImmutableDictionary<string, int>)Get(changed, "Counts")!).OrderBy(p => p.Key));
        Assert.Empty((ImmutableDictionary<string, int>)Get(labelled, "Counts")!);
    }

    [Fact]
    public void With_pairs_sorts_string_keys_in_ordinal_order_whatever_the_culture()
    {
        var labelled = sample.Loaded.Create("Samples.Labelled", null, ImmutableDictionary<string, int>.Empty);
        var withPairs = labelled.GetType().GetMethod("WithLabels", [typeof(IEnumerable<KeyValuePair<string, string>>)])!;
        IEnumerable<KeyValuePair<string, string>> labels = new Dictionary<string, string> { ["b"] = "2", ["a"] = "1", ["B"] = "3" };

        var changed = withPairs.Invoke(labelled, [labels])!;
        var cleared = withPairs.Invoke(changed, [null])!;

        Assert.Equal(["B", "a", "b"], ((ImmutableSortedDictionary<string, string>)Get(changed, "Labels")!).Keys);
        Assert.Null(Get(cleared, "Labels"));
    }

    [Fact]
    public void With_pairs_refuses_a_key_given_twice_with_different_values()
    {
        var labelled = sample.Loaded.Create("Samples.Labelled", null, ImmutableDictionary<string, int>.Empty);
        IEnumerable<KeyValuePair<string, int>> twice = [new("a", 1), new("a", 2)];

        var error = Assert.Throws<System.Reflection.TargetInvocationException>(() => Call(labelled, "WithCounts", twice));

        Assert.IsType<ArgumentException>(error.InnerException);
    }

    [Fact]
    public void Add_treats_a_default_immutable_array_as_empty()
    {
        var person = sample.Loaded.Create("Samples.Person", "Ada", 36, default(ImmutableArray<string>));

        var grown = Call(person, "AddItems", new object[] { new[] { "x" } });

        Assert.Equal(["x"], Items(grown));
    }

    [Fact]
    public void Add_appends_to_an_immutable_list()
    {
        var person = Person();

        var scored = Call(Call(person, "AddScores", new object[] { new[] { 1, 2 } }), "AddScores", new object[] { new[] { 3 } });

        Assert.Equal([1, 2, 3], (ImmutableList<int>)Get(scored, "Scores")!);
        Assert.Empty((ImmutableList<int>)Get(person, "Scores")!);
    }

    [Fact]
    public void Add_with_no_items_returns_the_same_instance()
    {
        var person = Person(items: "a");

        Assert.Same(person, Call(person, "AddItems", new object[] { Array.Empty<string>() }));
        Assert.Same(person, Call(person, "AddScores", new object[] { Array.Empty<int>() }));
    }

    [Fact]
    public void Generic_record_with_methods_work_for_a_constructed_type()
    {
        var boxType = sample.Loaded.Type("Samples.Box`1").MakeGenericType(typeof(int));
        var box = Activator.CreateInstance(boxType, 1)!;

        Assert.Same(box, Call(box, "WithValue", 1));
        Assert.Equal(2, Get(Call(box, "WithValue", 2), "Value"));
    }

    [Fact]
    public void Record_struct_with_changes_only_that_member_of_the_copy()
    {
        var point = sample.Loaded.Create("Samples.Point", 1, 2);

        var moved = Call(point, "WithX", 5);

        Assert.Equal(5, Get(moved, "X"));
        Assert.Equal(2, Get(moved, "Y"));
        Assert.Equal(1, Get(point, "X"));
        Assert.Equal(point, Call(point, "WithX", 1));
    }
}
