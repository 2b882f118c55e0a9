#!/usr/bin/env bash
# Installs what the test suite needs and a fresh machine lacks: Prometheus and promtool (Debian package
# `prometheus`) and VictoriaMetrics (package `victoria-metrics`) for the recommender's integration tests, kubectl
# (package `kubectl`) for the kustomize, local API server and end-to-end tests, and chromium (package `chromium`) for
# the HTML report's rendering tests. The image test installs podman, buildah and runc through install-image-tools.sh.
set -euo pipefail

missing=()
command -v prometheus >/dev/null 2>&1 || missing+=(prometheus)
command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
command -v victoria-metrics >/dev/null 2>&1 || missing+=(victoria-metrics)
command -v kubectl >/dev/null 2>&1 || missing+=(kubectl)
[ -x /usr/bin/chromium ] || missing+=(chromium)

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
    echo "install-test-deps: ${missing[*]} missing and this user cannot install packages; run 'apt-get install ${missing[*]}' as root." >&2
    exit 1
  fi
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "install-test-deps: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq >/dev/null
  $sudo apt-get install -y -qq --no-install-recommends $(printf '%s\n' "${missing[@]}" | sort -u) >/dev/null
  # The package starts a system service on some machines; the tests run their own servers.
  if command -v systemctl >/dev/null 2>&1; then $sudo systemctl stop prometheus victoria-metrics >/dev/null 2>&1 || true; fi
fi

prometheus --version 2>&1 | head -n 1 >&2
victoria-metrics -version 2>&1 | head -n 1 >&2
