#!/usr/bin/env bash
# Installs what `make image` and the image test need, from Debian packages: podman and buildah (build and run OCI
# images without a Docker engine), runc (crun fails on this kind of machine's cgroups), fuse-overlayfs and uidmap
# (rootless storage and user namespaces), and dpkg-dev for apt-get download of the base packages. Writes a
# containers.conf that selects runc and empties default_ulimits, which a nested container cannot raise. Idempotent.
set -euo pipefail

packages=(podman buildah runc fuse-overlayfs uidmap slirp4netns)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-image-tools: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  # Others may install at the same time on a shared machine: one apt at a time.
  $sudo flock /tmp/apt.lock apt-get update -qq >/dev/null
  $sudo flock /tmp/apt.lock apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

conf=/etc/containers/containers.conf
if ! grep -q '^runtime = "runc"' "$conf" 2>/dev/null; then
  $sudo mkdir -p /etc/containers
  $sudo tee "$conf" >/dev/null <<'CONF'
[containers]
default_ulimits = []

[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
CONF
fi

podman --version >&2
