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

    /// <summary>
    /// Invokes <paramref name="method"/> on <paramref name="target"/>. Among overloads, the one whose
    /// parameters are exactly the arguments' types wins, as C# would pick it; otherwise the only one they fit.
    /// </summary>
    public static object Call(object target, string method, params object?[] arguments)
    {
        var fitting = target.GetType().GetMethods()
            .Where(m => m.Name == method && m.GetParameters().Length == arguments.Length)
            .Where(m => m.GetParameters().Zip(arguments).All(p => p.Second is null || p.First.ParameterType.IsInstanceOfType(p.Second)))
            .ToArray();
        var chosen = fitting.Length == 1
            ? fitting[0]
            : fitting.Single(m => m.GetParameters().Zip(arguments).All(p => p.Second is null || p.First.ParameterType == p.Second.GetType()));
        return chosen.Invoke(target, arguments)!;
    }

    public static object? Get(object target, string property) =>
        target.GetType().GetProperty(property)!.GetValue(target);

    public static void Set(object target, string property, object? value) =>
        target.GetType().GetProperty(property)!.SetValue(target, value);

    public void Dispose() => _context.Unload();
}
