// Builds examples/hello three times into OCI layouts — twice the same way with different worker
// counts, once with one more environment variable — and asks the library why they differ.
// Run after `dotnet build src/Tko.Pipeline -c Release`:  dotnet fsi examples/diff-two-builds.fsx
#r "../src/Tko.Pipeline/bin/Release/net10.0/Tko.Pipeline.dll"

open System.IO
open Tko

let build name (change: BuildSpec -> BuildSpec) =
    let output = Path.Combine(Path.GetTempPath(), "tko-fsx-diff-" + name)
    let spec = BuildSpec.FromDirectory(Path.Combine(__SOURCE_DIRECTORY__, "hello")).WithTarget(Target.OciLayout output)
    Build.RunAsync(change spec) |> Async.AwaitTask |> Async.RunSynchronously |> ignore
    "oci:" + output

let compare a b =
    ImageDiff.CompareAsync(a, b, DiffOptions.FromEnvironment()) |> Async.AwaitTask |> Async.RunSynchronously

let oneWorker = build "w1" (fun s -> s.WithLayer(s.Layer.WithWorkers 1))
let fourWorkers = build "w4" (fun s -> s.WithLayer(s.Layer.WithWorkers 4))
let withEnv = build "env" (fun s -> s.WithMetadata(s.Metadata.AddEnv "GREETING=hi"))

let same = compare oneWorker fourWorkers
printfn "1 vs 4 workers: %s" (if same.Identical then "identical" else "different")
if not same.Identical then failwithf "worker counts changed the image:\n%s" (ImageDiff.ToJson same)

let changed = compare oneWorker withEnv
for d in changed.Differences do
    printfn "  cause: %A %s: %s -> %s" d.Part d.Where (defaultArg (Option.ofObj d.A) "(none)") (defaultArg (Option.ofObj d.B) "(none)")
for d in changed.DigestChanges do
    printfn "  follows: %s %s" d.Where (defaultArg (Option.ofObj d.Field) "")
match List.ofSeq changed.Differences with
| [ d ] when d.Where = "config.Env[GREETING]" && isNull d.A && d.B.Contains "hi" -> ()
| other -> failwithf "expected exactly the added variable as the cause, got %A" other
