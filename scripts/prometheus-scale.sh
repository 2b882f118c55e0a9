#!/usr/bin/env bash
# Scale measurement of the Prometheus history source: 1,000 containers x 14 days at 5-minute resolution are written
# as OpenMetrics, backfilled with promtool into a real Prometheus on 127.0.0.1, and read in one scan. Prints HTTP
# requests, bytes and wall time of the source's scan and of `rightsizer recommend --prometheus-url` (targets: <= 30
# requests, < 60 s).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-test-deps.sh
dotnet build src/Operator -c Release --nologo -v quiet
dotnet test tests/Recommender.Tests -c "${CONFIGURATION:-Release}" \
  --filter "FullyQualifiedName~PrometheusScaleTests" \
  --logger "console;verbosity=detailed" 2>&1 | tee /dev/stderr | grep -E '^ *prometheus-scale:' | sed 's/^ *//'
