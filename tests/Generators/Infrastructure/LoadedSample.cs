using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Tko.Generators.Tests.Infrastructure;

/// <summary>
/// Sample source run through the generator, emitted to memory and loaded into a collectible context,
/// so tests can call the generated methods by reflection.
/// </summary>
internal sealed class LoadedSample : IDisposable
{
    private readonly AssemblyLoadContext _context;
    private readonly Assembly _assembly;

    public LoadedSample(string source)
    {
        var run = GeneratorRun.Of(source);
        Assert.Empty(run.GeneratorDiagnostics);

        using var image = new MemoryStream();
        var emitted = run.Output.Emit(image);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));

        image.Position = 0;
        _context = new AssemblyLoadContext(nameof(LoadedSample), isCollectible: true);
        _assembly = _context.LoadFromStream(image);
    }

    public Type Type(string fullName) => _assembly.GetType(fullName, throwOnError: true)!;

    public object Create(string fullName, params object?[] arguments) =>
        Activator.CreateInstance(Type(fullName), arguments)!;

    public static object Call(object target, string method, params object?[] arguments) =>
        target.GetType().GetMethod(method)!.Invoke(target, arguments)!;

    public static object? Get(object target, string property) =>
        target.GetType().GetProperty(property)!.GetValue(target);

    public static void Set(object target, string property, object? value) =>
        target.GetType().GetProperty(property)!.SetValue(target, value);

    public void Dispose() => _context.Unload();
}
