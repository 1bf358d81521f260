// Builds one tree with 1 worker and with one per processor (and 8) and checks every digest is equal.
// Without DIR it generates a tree of a few MiB of varied content, so the 64 KiB chunks really are
// spread over the workers.
// Run after `dotnet build src/Tko.Pipeline -c Release`:  dotnet fsi examples/same-digest-any-workers.fsx [DIR]
#r "../src/Tko.Pipeline/bin/Release/net10.0/Tko.Pipeline.dll"

open System
open System.IO
open Tko

let generatedTree () =
    let root = Path.Combine(Path.GetTempPath(), "tko-fsx-tree")
    if Directory.Exists root then Directory.Delete(root, true)
    let random = Random 42
    for i in 0 .. 39 do
        let dir = Path.Combine(root, sprintf "d%02d" (i % 7))
        Directory.CreateDirectory dir |> ignore
        // Half text-like (compressible), half random bytes, sizes up to 256 KiB.
        let bytes = Array.zeroCreate<byte> (random.Next(0, 256 * 1024))
        if i % 2 = 0 then random.NextBytes bytes
        else for j in 0 .. bytes.Length - 1 do bytes[j] <- byte ('a' + char (j % 26))
        File.WriteAllBytes(Path.Combine(dir, sprintf "f%02d.bin" i), bytes)
    root

let source =
    match fsi.CommandLineArgs |> Array.tryItem 1 with
    | Some dir -> dir
    | None -> generatedTree ()

let build workers =
    let spec = BuildSpec.FromDirectory source
    let spec =
        spec.WithTarget(Target.OciLayout(Path.Combine(Path.GetTempPath(), sprintf "tko-fsx-w%d" workers)))
            .WithLayer(spec.Layer.WithWorkers(workers).WithChunkSize(64 * 1024))
    let result = Build.RunAsync(spec) |> Async.AwaitTask |> Async.RunSynchronously
    printfn "%2d workers: manifest %O, layer %O (%d bytes)" workers result.Manifest.Digest result.Layer.Digest result.Layer.Size
    result

let results = [ 1; Environment.ProcessorCount; 8 ] |> List.distinct |> List.map build
let first = List.head results
for other in List.tail results do
    if other.Manifest.Digest <> first.Manifest.Digest || other.Layer <> first.Layer then
        failwith "the worker count changed the image"
