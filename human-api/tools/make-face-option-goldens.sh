#!/usr/bin/env bash
# Human 3.3.6's face results with non-default detector options, on exactly the pixels ImageIO decodes from the six
# face-api samples, shrunk to what ai.human.testing.FaceOptionsContract compares. Writes
# human-api/src/test/resources/ai/human/testing/options/<variant>.json.
# usage (from the repository root): HUMAN_ORACLE_DIR=/path/to/oracle bash human-api/tools/make-face-option-goldens.sh
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
oracle="$(cd "${HUMAN_ORACLE_DIR:-$repo/../oracle}" && pwd)"
out="$repo/human-api/src/test/resources/ai/human/testing/options"
work="$(mktemp -d)"
mkdir -p "$out"
java "$repo/golden/tools/ImageIoPixels.java" --png-dir "$work/png" --json "$work/pixels.json" "$oracle"/images/face-api/sample{1,2,3,4,5,6}.jpg
variants=(
  'mask|face.detector.maxDetected=20,face.detector.mask=true|{"face":{"detector":{"maxDetected":20,"mask":true}}}'
  'rotation|face.detector.maxDetected=20,face.detector.rotation=true|{"face":{"detector":{"maxDetected":20,"rotation":true}}}'
  'square|face.detector.maxDetected=20,face.detector.square=true|{"face":{"detector":{"maxDetected":20,"square":true}}}'
  'detector-only|face.detector.maxDetected=20,face.mesh.enabled=false,face.detector.return=true|{"face":{"detector":{"maxDetected":20,"return":true},"mesh":{"enabled":false}}}'
)
for v in "${variants[@]}"; do
  IFS='|' read -r name overrides config <<< "$v"
  (cd "$oracle" && node run.mjs --backend wasm --preset face --config "$config" --out "$work/$name.raw.json" "$work/png")
  node "$repo/human-api/tools/compact-face-goldens.mjs" "$work/$name.raw.json" "$name" "$overrides" > "$out/$name.json"
done
ls -l "$out"
rm -rf "$work"
