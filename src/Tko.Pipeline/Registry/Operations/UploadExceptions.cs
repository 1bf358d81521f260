namespace Tko.Registry;

/// <summary>The registry refuses chunked uploads (PATCH) and nothing was spooled to fall back on: the caller sends the blob whole.</summary>
internal sealed class ChunkedUploadRefusedException() : Exception("the registry refuses chunked uploads");

/// <summary>The upload cannot be resumed (session lost, bytes no longer at hand): the caller starts it again from its source.</summary>
internal sealed class UploadRestartRequiredException(string reason) : Exception(reason);
