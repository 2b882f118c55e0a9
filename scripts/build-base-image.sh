#!/usr/bin/env bash
# Assembles the operator's base image from Debian packages, distroless-style: the C and C++ runtimes, OpenSSL, zlib
# and the CA bundle a self-contained .NET app needs, a nonroot user (65532) and /tmp, and nothing else (no shell, no
# package manager). Packages are fetched with apt-get download and unpacked with dpkg-deb -x, so no maintainer script
# runs; the CA bundle that update-ca-certificates would write is concatenated here instead.
# Usage: scripts/build-base-image.sh IMAGE   (e.g. localhost/rightsizer-base:bookworm)
set -euo pipefail

image=${1:?usage: build-base-image.sh IMAGE}
packages=(libc6 libgcc-s1 libstdc++6 libssl3 zlib1g ca-certificates)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$work" && apt-get download "${packages[@]}" >/dev/null)
rootfs="$work/rootfs"
mkdir -p "$rootfs"
for deb in "$work"/*.deb; do
  dpkg-deb -x "$deb" "$rootfs"
done

# What dpkg's maintainer scripts and base-files would have made.
rm -rf "$rootfs/usr/share/doc" "$rootfs/usr/share/man" "$rootfs/usr/share/lintian" "$rootfs/usr/share/locale"
mkdir -p "$rootfs/etc/ssl/certs" "$rootfs/tmp" "$rootfs/home/nonroot"
find "$rootfs/usr/share/ca-certificates" -name '*.crt' -print0 | sort -z | xargs -0 cat > "$rootfs/etc/ssl/certs/ca-certificates.crt"
chmod 1777 "$rootfs/tmp"
printf 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n' > "$rootfs/etc/passwd"
printf 'root:x:0:\nnonroot:x:65532:\n' > "$rootfs/etc/group"
chown 65532:65532 "$rootfs/home/nonroot"
# Debian's usrmerge layout: /lib64 holds the dynamic loader the kernel looks for.
for dir in bin lib lib64 sbin; do
  if [ -d "$rootfs/usr/$dir" ] && [ ! -e "$rootfs/$dir" ]; then ln -s "usr/$dir" "$rootfs/$dir"; fi
done

tar -C "$rootfs" -c . | podman import --change 'USER 65532:65532' --change 'ENV SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt' - "$image" >/dev/null
echo "built $image from ${packages[*]}" >&2
