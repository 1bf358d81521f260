namespace Tko;

/// <summary>Where a built image goes.</summary>
public enum TargetKind
{
    /// <summary>An OCI image layout directory (oci-layout, index.json, blobs/sha256).</summary>
    OciLayout,
    /// <summary>A <c>docker load</c> tarball (tko's LOCAL_FILE), which also holds an OCI layout.</summary>
    DockerTarball,
    /// <summary>A repository in a registry (tko's REMOTE); the target's path is the repository reference.</summary>
    Registry,
    /// <summary>A Docker Engine API daemon (tko's LOCAL_DAEMON, Docker or Podman); the target's path is the image reference it is tagged as.</summary>
    DockerDaemon,
}
