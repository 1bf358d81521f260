// Builds examples/hello from scratch into an OCI layout; examples/run.sh packs the library it loads.
#r "nuget: Tko.Pipeline"
open Tko
let spec = BuildSpec.FromDirectory(__SOURCE_DIRECTORY__ + "/hello").WithTarget(Target.OciLayout(System.IO.Path.GetTempPath() + "tko-fsx-offline")).WithRepository("example.local/hello")
let result = Build.RunAsync spec |> Async.AwaitTask |> Async.RunSynchronously
if result.Reference.StartsWith "example.local/hello@sha256:" then printfn "%s" result.Reference else failwithf "unexpected reference %s" result.Reference
