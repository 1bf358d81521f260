using Microsoft.CodeAnalysis;
using Tko.Generators.Tests.Infrastructure;
using Xunit;

namespace Tko.Generators.Tests;

public sealed class EmbeddedAttributeTests
{
    [Fact]
    public void Assemblies_sharing_internals_each_get_the_attribute_without_conflict()
    {
        var library = GeneratorRun.Of(SampleCompilation.Create(
            "Library",
            [SampleCompilation.Parse("""
                [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("App")]

                namespace Lib;

                [Tko.GenerateWith]
                internal partial record Thing(int A);
                """, "Library.cs")],
            FrameworkReferences.All));
        Assert.Empty(library.Problems());

        using var image = new MemoryStream();
        Assert.True(library.Output.Emit(image).Success);

        var app = GeneratorRun.Of(SampleCompilation.Create(
            "App",
            [SampleCompilation.Parse("""
                namespace App;

                [Tko.GenerateWith]
                internal partial record Other(Lib.Thing Thing)
                {
                    public Other Bump() => WithThing(Thing.WithA(Thing.A + 1));
                }
                """, "App.cs")],
            [.. FrameworkReferences.All, MetadataReference.CreateFromImage(image.ToArray())]));

        // CS0436 would appear here if both assemblies exposed Tko.GenerateWithAttribute to each other.
        Assert.Empty(app.Problems());
    }
}
