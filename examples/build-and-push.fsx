// Builds examples/hello onto scratch and pushes it to a registry, printing progress as it goes
// and a summary at the end, then reads the manifest back from the registry to check it.
// Needs a registry: examples/run.sh starts one on loopback and passes it in TKO_EXAMPLE_REGISTRY.
//   TKO_EXAMPLE_REGISTRY=127.0.0.1:5000 dotnet fsi examples/build-and-push.fsx
#r "../src/Tko.Pipeline/bin/Release/net10.0/Tko.Pipeline.dll"

open System
open System.Diagnostics
open System.IO
open Tko

let registry =
    match Environment.GetEnvironmentVariable "TKO_EXAMPLE_REGISTRY" with
    | null | "" -> failwith "set TKO_EXAMPLE_REGISTRY to a registry HOST:PORT (examples/run.sh starts one)"
    | host -> host

let repository = sprintf "%s/examples/hello" registry
let spec =
    BuildSpec.FromDirectory(Path.Combine(__SOURCE_DIRECTORY__, "hello"))
        .WithTarget(Target.Registry(repository + ":fsx"))
        .WithRepository(repository)

/// Running totals per event kind, folded from the event stream.
type Totals = { Files: int; Read: int64; Compressed: int64; Written: int64 }

let add totals (e: BuildEvent) =
    match e.Kind with
    | BuildEventKind.FileSeen -> { totals with Files = totals.Files + 1 }
    | BuildEventKind.BytesRead -> { totals with Read = totals.Read + e.Amount }
    | BuildEventKind.BytesCompressed -> { totals with Compressed = totals.Compressed + e.Amount }
    | BuildEventKind.BytesWritten -> { totals with Written = totals.Written + e.Amount }
    | _ -> totals

let session = Build.Create spec
let clock = Stopwatch.StartNew()
let mutable last = { Files = 0; Read = 0L; Compressed = 0L; Written = 0L }

// Every milestone (a layer or an image completed) is printed as it happens; counts are folded with scan.
let milestones =
    session.Events
    |> Observable.filter (fun e -> e.Kind = BuildEventKind.LayerCompleted || e.Kind = BuildEventKind.ImageWritten)
    |> Observable.subscribe (fun e -> eprintfn "[%5d ms] %A %s: %s" clock.ElapsedMilliseconds e.Kind e.Platform e.Detail)
let totals =
    session.Events
    |> Observable.scan add last
    |> Observable.subscribe (fun t -> last <- t)

let result = session.RunAsync() |> Async.AwaitTask |> Async.RunSynchronously
milestones.Dispose()
totals.Dispose()

printfn "%s" result.Reference
printfn "%d entries, %d bytes read, %d bytes of tar compressed, %d bytes pushed in %d ms"
    last.Files last.Read last.Compressed last.Written clock.ElapsedMilliseconds

// Read the tag back from the registry: it must name the manifest the build reported.
let client = new RegistryClient(RegistryClientOptions.FromEnvironment())
let pushed =
    client.GetManifestAsync(ImageReference.Parse(repository + ":fsx"))
    |> Async.AwaitTask |> Async.RunSynchronously
client.Dispose()
printfn "registry has %s:fsx = %O" repository pushed.Descriptor.Digest

if pushed.Descriptor.Digest <> result.Manifest.Digest then
    failwithf "the registry's manifest %O is not the built one %O" pushed.Descriptor.Digest result.Manifest.Digest
if last.Written <> result.Layer.Size then
    failwithf "events counted %d bytes pushed, the layer has %d" last.Written result.Layer.Size
if not (result.Reference.StartsWith(repository + "@sha256:")) then
    failwithf "unexpected reference %s" result.Reference
