# The operator image: the self-contained `rightsizer` executable (dotnet publish -r linux-x64, see `make publish`) on a
# minimal base. BASE names the base: `make image` assembles one from Debian packages (scripts/build-base-image.sh) and
# builds this file with podman; with Docker, publish first and pick a distroless base:
#   make publish && docker build --build-arg BASE=gcr.io/distroless/cc-debian12:nonroot -t rightsizer:dev .
ARG BASE=localhost/rightsizer-base:bookworm
FROM ${BASE}
COPY artifacts/publish/ /app/
# Diagnostics would create IPC sockets under the read-only root; invariant globalization needs no ICU data.
# Memory (docs/benchmarks.md, "Operator: footprint"): the GC heap is capped at 192 MiB (GCHeapHardLimit, in hex).
# Without a cap the GC sizes its budgets for the whole node and keeps the regions freed after the first lists
# committed (256 MiB committed with 10,000 pods, where a heap dump finds 61 MiB of live objects); 192 MiB is three
# times that live heap and leaves config/manager's 512Mi limit room for the runtime's code and mapped files (about
# 135 MiB idle): raise the two together. GCConserveMemory=5 compacts a fragmented heap, the large object heap too,
# sooner; GCgen0size=0x200000 keeps the youngest generation's budget at 2 MiB instead of one sized from the CPU's
# cache (tens of MiB of garbage between collections, idle or not); MALLOC_ARENA_MAX=2 stops glibc from giving each
# thread its own malloc arena. ThreadPool_UnfairSemaphoreSpinLimit=0: an idle thread-pool worker sleeps at once
# instead of spinning for work, CPU the node's other pods keep (and on two cores, the webhook's p99 against the
# floor improved: docs/benchmarks.md, "HTTPS load").
ENV DOTNET_EnableDiagnostics=0 \
    DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 \
    DOTNET_GCHeapHardLimit=0xC000000 \
    DOTNET_GCConserveMemory=5 \
    DOTNET_GCgen0size=0x200000 \
    DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0 \
    MALLOC_ARENA_MAX=2 \
    ASPNETCORE_URLS= \
    SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt
USER 65532:65532
WORKDIR /app
ENTRYPOINT ["/app/rightsizer"]
