// Builds one tree with 1 worker and with one per processor and checks the digests are equal.
// Run after `dotnet build src/Tko.Pipeline -c Release`:  dotnet fsi examples/same-digest-any-workers.fsx [DIR]
#r "../src/Tko.Pipeline/bin/Release/net10.0/Tko.Pipeline.dll"

open System
open System.IO
open Tko.Model
open Tko.Building

let source =
    match fsi.CommandLineArgs |> Array.tryItem 1 with
    | Some dir -> dir
    | None -> Path.Combine(__SOURCE_DIRECTORY__, "hello")

let build workers =
    let spec = BuildSpec.FromDirectory source
    let spec =
        spec.WithTarget(Target.OciLayout(Path.Combine(Path.GetTempPath(), sprintf "tko-fsx-w%d" workers)))
            .WithLayer(spec.Layer.WithWorkers(workers).WithChunkSize(64 * 1024))
    Build.RunAsync(spec) |> Async.AwaitTask |> Async.RunSynchronously

let one = build 1
let all = build Environment.ProcessorCount
printfn "1 worker:   %O" one.Manifest.Digest
printfn "%d workers: %O" Environment.ProcessorCount all.Manifest.Digest
if one.Manifest.Digest <> all.Manifest.Digest || one.Layer <> all.Layer then
    failwith "the worker count changed the image"
