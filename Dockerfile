# syntax=docker/dockerfile:1
# Build: the SDK image restores and publishes the rightsizer executable.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props BannedSymbols.txt .editorconfig RightSizer.sln ./
COPY src/ src/
RUN dotnet publish src/Operator/RightSizer.Operator.csproj -c Release -o /app --nologo

# Run: the ASP.NET runtime image, as a non-root user, on a read-only root filesystem.
FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
# Diagnostics would create IPC sockets under the read-only root; invariant globalization needs no ICU data.
ENV DOTNET_EnableDiagnostics=0 \
    DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 \
    ASPNETCORE_URLS=
USER 65532:65532
ENTRYPOINT ["dotnet", "/app/rightsizer.dll"]
