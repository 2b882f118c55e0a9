# RightSizer: right-sizes Kubernetes container memory. `make` lists the targets.

SHELL := /usr/bin/env bash
.DEFAULT_GOAL := help

CONFIGURATION ?= Release
RIGHTSIZER := dotnet run --project src/Operator -c $(CONFIGURATION) --
TEST_RESULTS ?= artifacts/test-results
IMAGE ?= localhost/rightsizer:dev
BASE_IMAGE ?= localhost/rightsizer-base:bookworm
DATASETS ?= ../shared/datasets/bitbrains_rnd_2013aug ../shared/datasets/bitbrains_rnd_2013sep
FRONTIER ?= 0.0025,0.005,0.01,0.02,0.04

##@ General

.PHONY: help
help: ## Show this help.
	@awk 'BEGIN {FS = ":.*##"; printf "Usage:\n  make \033[36m<target>\033[0m\n"} /^[a-zA-Z_-]+:.*?##/ { printf "  \033[36m%-14s\033[0m %s\n", $$1, $$2 } /^##@/ { printf "\n\033[1m%s\033[0m\n", substr($$0, 5) }' $(MAKEFILE_LIST)

##@ Development

.PHONY: build
build: ## Build every project with warnings as errors.
	dotnet build RightSizer.sln -c $(CONFIGURATION)

.PHONY: test
test: ## Install test dependencies if missing (Prometheus), then run every test.
	scripts/install-test-deps.sh
	rm -rf $(TEST_RESULTS)
	dotnet test RightSizer.sln -c $(CONFIGURATION) --logger trx --results-directory $(TEST_RESULTS)

.PHONY: test-published
test-published: publish ## Run the end-to-end tests against the published (trimmed) executable the image ships.
	scripts/install-test-deps.sh
	RIGHTSIZER_EXE=$(CURDIR)/artifacts/publish/rightsizer dotnet test tests/EndToEnd.Tests -c $(CONFIGURATION) --nologo

.PHONY: demo
demo: ## Recommend memory for the bundled sample history (no cluster needed).
	@mkdir -p artifacts
	@dotnet build src/Operator -c $(CONFIGURATION) --nologo -v quiet > artifacts/demo-build.log 2>&1 || { cat artifacts/demo-build.log; exit 1; }
	@dotnet src/Operator/bin/$(CONFIGURATION)/net10.0/rightsizer.dll recommend --history samples/history/bitbrains-rnd-sample.csv.gz

.PHONY: fuzz
fuzz: ## Longer fuzz run of the pod webhook: 50,000 mutated reviews over HTTPS (FUZZ_ITERATIONS= to change).
	dotnet build tests/Webhooks.Tests -c $(CONFIGURATION)
	RIGHTSIZER_FUZZ_ITERATIONS=$${FUZZ_ITERATIONS:-50000} dotnet test tests/Webhooks.Tests -c $(CONFIGURATION) --no-build --filter "FullyQualifiedName~FuzzTests"

.PHONY: lint
lint: ## Check formatting and code style (dotnet format --verify-no-changes).
	dotnet format RightSizer.sln --verify-no-changes

.PHONY: sandbox
sandbox: ## Start the local Kubernetes API server (simulated cluster) and a Prometheus with the sample history; Ctrl-C stops both.
	scripts/install-test-deps.sh
	dotnet build tests/LocalApiServer -c $(CONFIGURATION) --nologo -v quiet
	dotnet tests/LocalApiServer/bin/$(CONFIGURATION)/net10.0/rightsizer-local-apiserver.dll --kubeconfig $(CURDIR)/artifacts/sandbox/kubeconfig

##@ Generated artifacts

.PHONY: manifests
manifests: ## Regenerate the CRD from the C# types and the CLI flag reference from the command tree.
	$(RIGHTSIZER) generate crd -o $(CURDIR)/config/crds/rightsizer.io_memorypolicies.yaml
	$(RIGHTSIZER) generate cli-docs -o $(CURDIR)/docs/cli-reference.md

.PHONY: verify
verify: manifests ## Prove the committed CRD and generated docs are current.
	git diff --exit-code -- config/crds docs || { echo "Generated files are out of date: run 'make manifests' and commit."; exit 1; }

##@ Benchmarks

.PHONY: bench
bench: ## Replay both real traces (capped and uncapped, oomRisk frontier + SVG in docs/), the synthetic scenario suite, and the 10,000-container scale test.
	@for d in $(DATASETS); do test -f $$d/working_set.csv.gz || { echo "bench: $$d/working_set.csv.gz not found; set DATASETS=<folders with working_set.csv.gz and series_meta.csv>"; exit 1; }; done
	dotnet build src/Operator -c Release --nologo -v quiet
	@for d in $(DATASETS); do name=$$(basename $$d); echo "## $$name"; \
	  dotnet src/Operator/bin/Release/net10.0/rightsizer.dll bench --history $$d/working_set.csv.gz \
	    --meta $$d/series_meta.csv --train 7d --step 24h -o markdown || exit 1; \
	  echo; echo "### $$name: frontier (oomRisk swept)"; \
	  dotnet src/Operator/bin/Release/net10.0/rightsizer.dll bench --history $$d/working_set.csv.gz --train 7d --step 24h \
	    --frontier $(FRONTIER) --plot docs/frontier-$$name.svg || exit 1; echo; done
	dotnet test tests/Recommender.Tests -c Release --filter "FullyQualifiedName~ScenarioSuite|FullyQualifiedName~FleetCalibrator" --logger "console;verbosity=normal" 2>&1 | grep -E '^\s+(Passed|Failed) |^(Passed|Failed)!'
	/usr/bin/time -v dotnet src/Operator/bin/Release/net10.0/rightsizer.dll bench --synthetic 10000x14d 2>&1 \
	  | grep -E '^synthetic|Elapsed \(wall|Maximum resident'

.PHONY: bench-micro
bench-micro: ## BenchmarkDotNet suite of the estimators and the engine (ns and bytes per sample).
	dotnet run -c Release --project bench/RightSizer.Benchmarks -- --filter '*' --job short

.PHONY: bench-webhooks
bench-webhooks: ## BenchmarkDotNet for the pod patch calculator, then the HTTPS load test (wrk) at 1, 16 and 64 connections, five alternating rounds, the image's runtime settings.
	scripts/install-bench-deps.sh
	dotnet run -c Release --project bench/RightSizer.Benchmarks -- --filter '*PodMutation*' --job short --inProcess
	DOTNET_GCgen0size=0x200000 DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0 dotnet run -c Release --project bench/RightSizer.Benchmarks -- load --connections 1,16,64 --seconds 10 --rounds 5

.PHONY: bench-operator
bench-operator: publish ## Footprint of the published operator (the image's executable): 100 and 1,000 MemoryPolicies over 10 pods each, a Prometheus with their history (RSS, CPU and Prometheus cost per cycle, spec change to status).
	scripts/install-test-deps.sh
	dotnet build bench/RightSizer.Benchmarks -c Release --nologo -v quiet
	dotnet bench/RightSizer.Benchmarks/bin/Release/net10.0/RightSizer.Benchmarks.dll footprint --policies 100,1000 --pods-per-policy 10 \
	  --operator-exe artifacts/publish/rightsizer

.PHONY: bench-apiserver
bench-apiserver: ## Footprint of the local API test server: 10,000 pods, 1,000 MemoryPolicies, 24 watchers on each (list cost, watch fan-out, RSS).
	dotnet run -c Release --project bench/RightSizer.Benchmarks -- --filter '*ObjectStore*' --job short --inProcess
	dotnet build bench/RightSizer.Benchmarks -c Release --nologo -v quiet
	/usr/bin/time -v dotnet bench/RightSizer.Benchmarks/bin/Release/net10.0/RightSizer.Benchmarks.dll apiserver \
	  --pods 10000 --policies 1000 --watchers 24 --writes 200 2>&1 | grep -vE '^\s+(Average|Major|Minor|Voluntary|Involuntary|Swaps|File|Socket|Signals|Page|Exit|Command)'

##@ Packaging

.PHONY: publish
publish: ## Publish the self-contained rightsizer executable for linux-x64 into artifacts/publish.
	rm -rf artifacts/publish
	dotnet publish src/Operator/RightSizer.Operator.csproj -c Release -r linux-x64 --self-contained -o artifacts/publish --nologo

.PHONY: image
image: publish ## Build the OCI image with podman (no Docker engine): a Debian-package base, then the Dockerfile.
	scripts/install-image-tools.sh
	scripts/build-base-image.sh $(BASE_IMAGE)
	podman build --build-arg BASE=$(BASE_IMAGE) -t $(IMAGE) .
	@podman image inspect $(IMAGE) --format 'image {{.RepoTags}} {{.Size}} bytes'

.PHONY: docker-build
docker-build: publish ## Build the same Dockerfile with Docker on a distroless base.
	docker build --build-arg BASE=gcr.io/distroless/cc-debian12:nonroot -t $(IMAGE) .
