# RightSizer: right-sizes Kubernetes container memory. `make` lists the targets.

SHELL := /usr/bin/env bash
.DEFAULT_GOAL := help

CONFIGURATION ?= Release
RIGHTSIZER := dotnet run --project src/Operator -c $(CONFIGURATION) --
TEST_RESULTS ?= artifacts/test-results
IMAGE ?= rightsizer:dev

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

.PHONY: demo
demo: ## Recommend memory for the bundled sample history (no cluster needed).
	@mkdir -p artifacts
	@dotnet build src/Operator -c $(CONFIGURATION) --nologo -v quiet > artifacts/demo-build.log 2>&1 || { cat artifacts/demo-build.log; exit 1; }
	@dotnet src/Operator/bin/$(CONFIGURATION)/net10.0/rightsizer.dll recommend --history samples/history/bitbrains-rnd-sample.csv.gz

.PHONY: lint
lint: ## Check formatting and code style (dotnet format --verify-no-changes).
	dotnet format RightSizer.sln --verify-no-changes

##@ Generated artifacts

.PHONY: manifests
manifests: ## Regenerate the CRD from the C# types.
	$(RIGHTSIZER) generate crd

.PHONY: verify
verify: manifests ## Prove the committed CRD and generated docs are current.
	git diff --exit-code -- config/crds docs || { echo "Generated files are out of date: run 'make manifests' and commit."; exit 1; }

##@ Benchmarks

.PHONY: bench
bench: ## Replay the dev dataset against the peers and run the synthetic scale test.
	@echo "The benchmark is not built yet."

##@ Packaging

.PHONY: docker-build
docker-build: ## Build the container image (needs a Docker engine).
	docker build -t $(IMAGE) .
