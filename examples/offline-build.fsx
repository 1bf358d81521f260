// Builds examples/hello from scratch into an OCI layout and checks what came out.
// Run after `dotnet build src/Tko.Pipeline -c Release`:  dotnet fsi examples/offline-build.fsx
#r "../src/Tko.Pipeline/bin/Release/net10.0/Tko.Pipeline.dll"

open System.IO
open Tko

let output = Path.Combine(Path.GetTempPath(), "tko-fsx-offline")
let spec =
    BuildSpec.FromDirectory(Path.Combine(__SOURCE_DIRECTORY__, "hello"))
        .WithTarget(Target.OciLayout output)
        .WithRepository("example.local/hello")

let session = Build.Create spec
let mutable files = 0
let mutable written = 0L
let subscription =
    session.Events
    |> Observable.subscribe (fun e ->
        match e.Kind with
        | BuildEventKind.FileSeen -> files <- files + 1
        | BuildEventKind.BytesWritten -> written <- written + e.Amount
        | _ -> ())

let result = session.RunAsync() |> Async.AwaitTask |> Async.RunSynchronously
subscription.Dispose()
printfn "%s" result.Reference
printfn "%d entries, %d bytes of layer" files written

if written <> result.Layer.Size then failwithf "events counted %d bytes, the layer has %d" written result.Layer.Size
if files <> result.Layer.EntryCount then failwithf "events saw %d entries, the layer has %d" files result.Layer.EntryCount
if not (File.Exists(Path.Combine(output, "index.json"))) then failwith "no index.json in the layout"
if not (result.Reference.StartsWith "example.local/hello@sha256:") then failwithf "unexpected reference %s" result.Reference
