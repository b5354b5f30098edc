#!/usr/bin/env bash
# face-crops.json: Human 3.3.6's returned face crops (face.detector.return true) on the ImageIO pixels of sample1.jpg
# and sample5.jpg, summarised by face-crops.mjs (wasm, the golden) and, as a noise reference, by the cpu backend.
# usage: HUMAN_ORACLE_DIR=/path/to/oracle bash golden/pipeline/make-face-crops.sh     (java 17+, node 20; ~30 s)
#   HUMAN_ORACLE_DIR defaults to ../oracle next to the repository root; nothing is written into it.
#   JAVA (default: java on PATH) decodes the JPEGs; KEEP_WORK=1 keeps the temporary folder.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
oracle="$(cd "${HUMAN_ORACLE_DIR:-$repo/../oracle}" && pwd)"
java="${JAVA:-java}"
[ -f "$oracle/lib.mjs" ] && [ -d "$oracle/node_modules/@vladmandic/human" ] \
  || { echo "no oracle install at $oracle: set HUMAN_ORACLE_DIR to the oracle folder (after its setup.sh)" >&2; exit 1; }
work="$(mktemp -d)"
if [ "${KEEP_WORK:-0}" = 1 ]; then echo "work folder (kept): $work"; else trap 'rm -rf "$work"' EXIT; fi
"$java" "$repo/golden/tools/ImageIoPixels.java" --png-dir "$work/png" --json "$work/imageio-pixels.json" \
  "$oracle/images/face-api/sample1.jpg" "$oracle/images/face-api/sample5.jpg"
cd "$oracle"
for backend in wasm cpu; do
  node "$here/face-crops.mjs" --oracle "$oracle" --pixels "$work/imageio-pixels.json" --png-dir "$work/png" \
    --backend "$backend" --out "$work/face-crops-$backend.json"
done
# wasm vs cpu: largest difference of any subsampled value and of any channel mean
node -e 'const fs=require("fs"); const [a,b]=process.argv.slice(1).map((f)=>JSON.parse(fs.readFileSync(f)));
  let v=0, m=0; a.cases.forEach((c,i)=>c.faces.forEach((f,j)=>{ const g=b.cases[i].faces[j];
    f.tensor.subsample.forEach((x,k)=>{ v=Math.max(v,Math.abs(x-g.tensor.subsample[k])); });
    f.tensor.meanPerChannel.forEach((x,k)=>{ m=Math.max(m,Math.abs(x-g.tensor.meanPerChannel[k])); }); }));
  console.log(`wasm vs cpu: max |subsample diff| ${v.toExponential(2)}, max |channel mean diff| ${m.toExponential(2)}`);' \
  "$work/face-crops-wasm.json" "$work/face-crops-cpu.json"
cp "$work/face-crops-wasm.json" "$here/face-crops.json"
ls -l "$here/face-crops.json"
