#!/usr/bin/env bash
# Installs what the benchmarks need beyond the tests' dependencies, from Debian packages: wrk, the load generator of
# `make bench-webhooks` (a separate process, so the webhook's process does only the server's work). Idempotent.
set -euo pipefail

if ! command -v wrk >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "install-bench-deps: installing wrk" >&2
  export DEBIAN_FRONTEND=noninteractive
  # Others may install at the same time on a shared machine: one apt at a time.
  $sudo flock /tmp/apt.lock apt-get update -qq >/dev/null
  $sudo flock /tmp/apt.lock apt-get install -y -qq --no-install-recommends wrk >/dev/null
fi

wrk --version 2>&1 | head -1 >&2 || true
