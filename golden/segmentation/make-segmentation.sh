#!/usr/bin/env bash
# Segmentation goldens: Human 3.3.6's human.segmentation() (default mode) with rvm, selfie and meet on the face-api
# samples, on the exact pixels the JDK's ImageIO decodes (as golden/pipeline), written by the oracle's segment.mjs,
# plus each mask's alpha channel as a lossless grey PNG (segment-alpha.mjs, the same run again in its own process).
# usage: HUMAN_ORACLE_DIR=/path/to/oracle bash golden/segmentation/make-segmentation.sh    (java 17+, node 20)
#   The models come from golden/tools/extra-models.sh (the build's tarball cache, or HUMAN_MODELS_EXTRA_DIR).
#   KEEP_WORK=1 keeps the temporary folder.
# Writes <model>.json (selfie, meet: sample1..6 in one process each; rvm: one process per image, because Human's rvm
# keeps its recurrent state and throws when the image size changes), rvm-sequence.json (sample1 three times in one
# process: the state carried from call to call), and alpha/<image>.<model>.png.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
oracle="$(cd "${HUMAN_ORACLE_DIR:-$repo/../oracle}" && pwd)"
java="${JAVA:-java}"
[ -f "$oracle/segment.mjs" ] || { echo "no oracle install at $oracle: set HUMAN_ORACLE_DIR" >&2; exit 1; }
work="$(mktemp -d)"
if [ "${KEEP_WORK:-0}" = 1 ]; then echo "work folder (kept): $work"; else trap 'rm -rf "$work"' EXIT; fi
models="$(bash "$repo/golden/tools/extra-models.sh" "$work/extra")"

images=()
for n in 1 2 3 4 5 6; do images+=("$oracle/images/face-api/sample$n.jpg"); done
"$java" "$repo/golden/tools/ImageIoPixels.java" --png-dir "$work/png" --json "$work/imageio-pixels.json" "${images[@]}"
mkdir -p "$work/sequence"
for f in 1 2 3; do cp "$work/png/sample1.png" "$work/sequence/frame$f.png"; done

rm -rf "$here/alpha"; mkdir -p "$here/alpha" "$work/runs"
cd "$oracle"
run() { # name model input...
  local name=$1 model=$2; shift 2
  node segment.mjs --models "$models" --model "$model" --backend wasm --out "$work/runs/$name.segment.json" "$@"
  HUMAN_ORACLE_DIR="$oracle" node "$here/segment-alpha.mjs" --models "$models" --model "$model" --backend wasm \
    --alpha-dir "$here/alpha" --out "$work/runs/$name.alpha.json" "$@"
}
run selfie selfie.json "$work/png"
run meet meet.json "$work/png"
for n in 1 2 3 4 5 6; do run "rvm-sample$n" rvm.json "$work/png/sample$n.png"; done
run rvm-sequence rvm.json "$work/sequence"

# merge: segment.mjs's entry per image + the alpha PNG, hashes and (rvm) the foreground channels; checks that both
# runs agree and that the oracle saw ImageIO's pixels
node - "$work" "$here" "$(node -p 'require(process.argv[1]).version' "$oracle/node_modules/pngjs/package.json")" <<'EOF'
const fs = require('fs'); const path = require('path');
const [work, here, pngjs] = process.argv.slice(2);
const pixels = JSON.parse(fs.readFileSync(path.join(work, 'imageio-pixels.json'), 'utf8'));
const read = (f) => JSON.parse(fs.readFileSync(path.join(work, 'runs', f), 'utf8'));
const outputs = { selfie: ['selfie'], meet: ['meet'], rvm: [1, 2, 3, 4, 5, 6].map((n) => `rvm-sample${n}`), 'rvm-sequence': ['rvm-sequence'] };
for (const [out, runs] of Object.entries(outputs)) {
  const images = [];
  let model; let backend;
  for (const name of runs) {
    const seg = read(`${name}.segment.json`); const alpha = read(`${name}.alpha.json`);
    model = seg.model; backend = seg.backend;
    seg.images.forEach((entry, i) => {
      const a = alpha.images[i];
      if (a.image !== entry.image) throw new Error(`${name}: image order differs`);
      const am = a.channels.find((c) => c.channel === 'alpha');
      if (Math.abs(am.mean / 255 - entry.mean) > 1e-12) throw new Error(`${name} ${entry.image}: segment.mjs mean ${entry.mean} != alpha run ${am.mean / 255}`);
      const source = entry.image.startsWith('frame') ? 'sample1.png' : entry.image;
      const p = pixels.images.find((x) => x.png === source);
      if (!p || p.rgbSha256 !== a.rgbSha256) throw new Error(`${name} ${entry.image}: the oracle did not see ImageIO's pixels of ${source}`);
      images.push({
        image: entry.image.startsWith('frame') ? `${p.image} (${entry.image.replace('.png', '')})` : p.image,
        sourceImage: `images/face-api/${p.image}`,
        rgbSha256: a.rgbSha256,
        width: entry.width, height: entry.height, shape: entry.shape, dtype: entry.dtype,
        mean: entry.mean, grid: entry.grid,
        alphaPng: `alpha/${a.alphaPng}`, alphaSha256: a.alphaSha256,
        ...(model === 'rvm.json' ? { foreground: a.channels.filter((c) => c.channel !== 'alpha') } : {}),
        process: name,
      });
    });
  }
  const golden = {
    oracle: { script: 'segment.mjs (mean, grid) + golden/segmentation/segment-alpha.mjs (alpha PNG, hashes, foreground channels)', model, backend, humanConfig: { segmentation: { enabled: true, modelPath: model, mode: 'default (Human default)', ratio: '0.5 (Human default)' }, face: { enabled: false }, body: { enabled: false }, hand: { enabled: false }, object: { enabled: false }, gesture: { enabled: false } } },
    pixels: { decoder: pixels.decoder, jdk: pixels.jdk, definition: pixels.pixels, oracleInput: `lossless PNGs of the ImageIO pixels read by pngjs ${pngjs}; rgbSha256 checked against ImageIO's per image` },
    result: 'human.segmentation(int32 [1,h,w,3] image) -> int32 [h,w,4] RGBA, 0..255: alpha = the mask; rvm: RGB = its predicted foreground, selfie/meet: RGB = the input pixels. mean = mean alpha / 255; grid = 32x32 block means of alpha / 255 (block of pixel x,y = floor(y*32/h)*32 + floor(x*32/w)), rounded to 0.001; alphaPng = the alpha channel exactly (8-bit grey PNG, alphaSha256 = SHA-256 of its w*h bytes); foreground (rvm) = mean and grid of R, G, B (0..255).',
    images,
  };
  fs.writeFileSync(path.join(here, `${out}.json`), JSON.stringify(golden, null, 1) + '\n');
  console.log(`${out}.json: ${images.map((i) => `${i.image} mean ${i.mean.toFixed(4)}`).join(', ')}`);
}
EOF
du -sh "$here/alpha"; ls -l "$here"
