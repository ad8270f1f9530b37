#!/usr/bin/env bash
# Scores the extractors on the development sets (when the shared dev data sits
# beside the checkout). Usage: scripts/eval.sh [ner|timex|quotes|robust|all]
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
WORK=.cache/eval
what=${1:-all}
[ -d "$SHARED/dev-data" ] || { echo "no $SHARED/dev-data: nothing to score" >&2; exit 2; }
mkdir -p "$WORK"
make -s dist/.built

run() { # name gold-dir task [limit]
  local name=$1 gold=$2 task=$3 limit=${4:-}
  local lim=(); [ -n "$limit" ] && lim=(--limit "$limit")
  rm -rf "$WORK/raw-$name"
  node "$SHARED/eval/prepare.mjs" "$gold" "$WORK/raw-$name" "${lim[@]}" >/dev/null
  node ${NODE_FLAGS:-} dist/cli.mjs --raw "$WORK/raw-$name" --out "$WORK/out-$name" 2>/dev/null
  if [ "$task" = robust ]; then
    node "$SHARED/eval/score.mjs" robust --gold "$WORK/raw-$name" --out "$WORK/out-$name" | tail -1
  else
    node "$SHARED/eval/score.mjs" "$task" --gold "$gold" --out "$WORK/out-$name" "${lim[@]}" | tail -1
  fi
}

case $what in ner|all) run conll-testa "$SHARED/dev-data/conll2003/testa" ner ;; esac
case $what in timex|all)
  run timebank "$SHARED/dev-data/timeml/timebank" timex
  run aquaint "$SHARED/dev-data/timeml/aquaint" timex ;; esac
case $what in quotes|all) run polnear "$SHARED/dev-data/polnear/train" quotes 100 ;; esac
case $what in robust|all) run bbc-tech "$SHARED/dev-data/bbc/tech" robust ;; esac
