// Builds examples/hello for linux/amd64 and linux/arm64 into one OCI layout, the arm64 image with
// its own entrypoint, and checks the index: one image per platform, in the order given.
// Run after `dotnet build src/Tko.Pipeline -c Release`:  dotnet fsi examples/multi-platform.fsx
#r "../src/Tko.Pipeline/bin/Release/net10.0/Tko.Pipeline.dll"

open System.IO
open Tko

// Several platforms read their artifacts from SOURCE/os/arch[/variant]: lay the example out so.
let source = Path.Combine(Path.GetTempPath(), "tko-fsx-multi-src")
let amd64 = Platform.LinuxAmd64
let arm64 = Platform.Parse "linux/arm64"
for platform in [ amd64; arm64 ] do
    let directory = Path.Combine(source, platform.Os, platform.Architecture)
    Directory.CreateDirectory directory |> ignore
    for file in Directory.GetFiles(Path.Combine(__SOURCE_DIRECTORY__, "hello")) do
        File.Copy(file, Path.Combine(directory, Path.GetFileName file), true)

let output = Path.Combine(Path.GetTempPath(), "tko-fsx-multi")
let spec =
    BuildSpec.FromDirectory(source)
        .WithPlatforms([ amd64; arm64 ])
        .AddOverrides(PlatformOverride.None(arm64).WithEntrypoint([ "/tko-app/app"; "--arm" ]))
        .WithTarget(Target.OciLayout output)
        .WithRepository("example.local/hello")

let result = Build.RunAsync(spec) |> Async.AwaitTask |> Async.RunSynchronously
printfn "%s" result.Reference
for image in result.Images do
    let config = CanonicalJson.ParseConfig(File.ReadAllBytes(Path.Combine(output, "blobs", "sha256", image.Config.Digest.Hex)))
    printfn "  %-12O manifest %O, entrypoint %A" image.Platform image.Manifest.Digest (List.ofSeq config.Config.Entrypoint)

if result.Manifest.MediaType <> MediaTypes.OciIndex then failwithf "expected an image index, got %s" result.Manifest.MediaType
if [ for i in result.Images -> i.Platform ] <> [ amd64; arm64 ] then failwith "the index does not list the platforms in the order given"
// The same files give the same layer on both platforms; the configs differ (architecture, entrypoint).
if result.Images[0].Layer <> result.Images[1].Layer then failwith "the same tree gave two different layers"
if result.Images[0].Config = result.Images[1].Config then failwith "both platforms have the same config"
