// tko reads file types with statx(2) and Unix permission bits: it is a Linux tool.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
