#!/usr/bin/env bash
# Pipeline goldens: Human 3.3.6 detect() results on the face-api samples, written by the oracle's run.mjs.
# usage: HUMAN_ORACLE_DIR=/path/to/oracle bash golden/pipeline/make-pipeline.sh
#   HUMAN_ORACLE_DIR defaults to ../oracle next to the repository root. The oracle scripts are not changed;
#   if its folder is read-only it is copied to a temporary folder first (run.mjs writes into out/).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
oracle="$(cd "${HUMAN_ORACLE_DIR:-$repo/../oracle}" && pwd)"
[ -f "$oracle/run.mjs" ] && [ -d "$oracle/node_modules/@vladmandic/human" ] \
  || { echo "no oracle install at $oracle: set HUMAN_ORACLE_DIR to the oracle folder (after its setup.sh)" >&2; exit 1; }
if ! mkdir -p "$oracle/out/golden" 2>/dev/null || [ ! -w "$oracle/out/golden" ]; then
  copy="$(mktemp -d)/oracle"; cp -r "$oracle" "$copy"; oracle="$copy"; mkdir -p "$oracle/out/golden"
fi
cd "$oracle"
multi='{"face":{"detector":{"maxDetected":20}}}'
for backend in wasm cpu; do
  suffix=""; [ "$backend" = cpu ] && suffix="-cpu"
  node run.mjs --backend "$backend" --preset face --out "out/golden/face-default$suffix.json" images/face-api/
  node run.mjs --backend "$backend" --preset face --config "$multi" --out "out/golden/face-multi$suffix.json" images/face-api/
  node run.mjs --backend "$backend" --preset full --out "out/golden/full$suffix.json" images/face-api/
  node run.mjs --backend "$backend" --preset full --config "$multi" --out "out/golden/full-multi$suffix.json" images/face-api/
done
# noise between two correct backends: wasm (reference) vs cpu (candidate). The -cpu.json files are not committed
# (they differ from wasm only at float-noise level); the comparisons are.
mkdir -p "$here/wasm-vs-cpu"
for name in face-default face-multi full full-multi; do
  node compare.mjs "out/golden/$name.json" "out/golden/$name-cpu.json" > "$here/wasm-vs-cpu/compare-$name.txt"
  node "$here/diff-results.mjs" "out/golden/$name.json" "out/golden/$name-cpu.json" > "$here/wasm-vs-cpu/diff-$name.txt"
done
for name in face-default face-multi full full-multi; do cp "out/golden/$name.json" "$here/"; done
echo "cpu results kept in $oracle/out/golden/"
ls -l "$here" "$here/wasm-vs-cpu"
