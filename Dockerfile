# The operator image: the self-contained `rightsizer` executable (dotnet publish -r linux-x64, see `make publish`) on a
# minimal base. BASE names the base: `make image` assembles one from Debian packages (scripts/build-base-image.sh) and
# builds this file with podman; with Docker, publish first and pick a distroless base:
#   make publish && docker build --build-arg BASE=gcr.io/distroless/cc-debian12:nonroot -t rightsizer:dev .
ARG BASE=localhost/rightsizer-base:bookworm
FROM ${BASE}
COPY artifacts/publish/ /app/
# Diagnostics would create IPC sockets under the read-only root; invariant globalization needs no ICU data.
ENV DOTNET_EnableDiagnostics=0 \
    DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 \
    ASPNETCORE_URLS= \
    SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt
USER 65532:65532
WORKDIR /app
ENTRYPOINT ["/app/rightsizer"]
