# News-article pipeline. `make` lists the targets.
RAW ?= raw
OUT ?= out
NODE_BIN := node_modules/.bin
# V8 flags that only the command line can set (pipeline/cli.ts sets the others itself). Worker
# threads doing the same work in parallel GC helper threads just fight for the same cores:
# single-threaded GC makes a 2-thread build about 10% faster on 2 cores (make bench).
NODE_FLAGS ?= --single-threaded-gc
export RAW OUT NODE_FLAGS

.DEFAULT_GOAL := help
.PHONY: help build-data test typecheck bench clean deps golden eval

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'
	@echo "  Variables: RAW=<folder of articles> (default raw), OUT=<output folder> (default out), STRICT=1, RECURSIVE=1 (read RAW's subfolders too), MAX_ARTICLE_MB=<N> (default 25)"

# Installs from the lockfile when node_modules is missing or older than the lockfile.
node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

deps: node_modules/.installed ## Install dependencies (npm ci) if needed

# The build runs from a bundle of the sources (scripts/bundle.mjs), remade whenever a source changes.
SOURCES := $(shell find pipeline schemas -name '*.ts' -o -name '*.mjs') scripts/bundle.mjs
dist/.built: node_modules/.installed $(SOURCES)
	node scripts/bundle.mjs
	@touch $@

build-data: dist/.built ## Build OUT (csv, parquet, news.duckdb, datapackage.json) from the articles in RAW
	node $(NODE_FLAGS) dist/cli.mjs --raw "$(RAW)" --out "$(OUT)"

test: node_modules/.installed ## Run the test suite
	$(NODE_BIN)/vitest run

typecheck: node_modules/.installed ## Type-check everything
	$(NODE_BIN)/tsc --noEmit -p .

clean: ## Remove generated outputs (keeps out/README.md)
	rm -rf "$(OUT)/csv" "$(OUT)/parquet" "$(OUT)/arrow" "$(OUT)/news.duckdb" "$(OUT)/datapackage.json" "$(OUT)/report.html" "$(OUT)/.build-manifest.json" .cache .$(notdir $(OUT)).cache dist

golden: dist/.built ## Rewrite the seed golden files (test/golden/seed) from a fresh build of raw/
	node $(NODE_FLAGS) dist/cli.mjs --raw raw --out .cache/golden-out
	$(NODE_BIN)/tsx scripts/golden.ts .cache/golden-out

bench: dist/.built ## Benchmark speed, thread scaling, incremental rebuilds and memory (SCALE=10000 for the memory check, REPEAT=N runs per timing)
	$(NODE_BIN)/tsx scripts/bench.ts $(if $(SCALE),--scale $(SCALE),)

.PHONY: sql query report
sql: node_modules/.installed ## Interactive read-only SQL prompt on OUT/news.duckdb (.help inside)
	@$(NODE_BIN)/tsx pipeline/sql.ts --db "$(OUT)/news.duckdb"

query: node_modules/.installed ## Print one query's result as a table: make query Q="SELECT ..." (or Q=queries/<name>.sql)
	@$(NODE_BIN)/tsx pipeline/query.ts --db "$(OUT)/news.duckdb" "$$Q"

report: node_modules/.installed ## Write OUT/report.html: timeline, top entities, quotes, figures, with evidence
	$(NODE_BIN)/tsx pipeline/report.ts --db "$(OUT)/news.duckdb" --out "$(OUT)/report.html"

eval: node_modules/.installed ## Score the extractors on the shared development sets, when present (WHAT=ner|timex|quotes|robust)
	scripts/eval.sh $(or $(WHAT),all)
