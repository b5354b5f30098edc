#!/usr/bin/env bash
# Pipeline goldens: Human 3.3.6 detect() results on the face-api samples, on the exact pixels the JDK's ImageIO
# decodes (the pixels Human for Java sees), written by the oracle's run.mjs.
# usage: HUMAN_ORACLE_DIR=/path/to/oracle bash golden/pipeline/make-pipeline.sh      (needs java 17+ and node 20)
#   HUMAN_ORACLE_DIR defaults to ../oracle next to the repository root; nothing is written into it.
#   JAVA (default: java on PATH) is the JDK whose ImageIO decodes the JPEGs; the goldens were made with JDK 17.
#   KEEP_WORK=1 keeps the temporary folder (PNGs, raw oracle output, cpu results) and prints where it is.
# Steps: 1. ImageIoPixels.java decodes sample1..6.jpg (ImageIO.read + getRGB) into lossless PNGs in a temporary
#        folder, twice, and stops if the two decodes differ. 2. run.mjs (pngjs) runs the 4 configurations on the
#        PNGs, wasm (the goldens) and cpu (noise reference). 3. annotate-imageio.mjs checks that the oracle's
#        rgbSha256 equals ImageIO's hash for every image and names the results after the JPEGs. 4. wasm vs cpu.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
oracle="$(cd "${HUMAN_ORACLE_DIR:-$repo/../oracle}" && pwd)"
java="${JAVA:-java}"
[ -f "$oracle/run.mjs" ] && [ -d "$oracle/node_modules/@vladmandic/human" ] \
  || { echo "no oracle install at $oracle: set HUMAN_ORACLE_DIR to the oracle folder (after its setup.sh)" >&2; exit 1; }
work="$(mktemp -d)"
if [ "${KEEP_WORK:-0}" = 1 ]; then echo "work folder (kept): $work"; else trap 'rm -rf "$work"' EXIT; fi
images=()
for n in 1 2 3 4 5 6; do images+=("$oracle/images/face-api/sample$n.jpg"); done

# 1. ImageIO pixels -> PNG (+ hashes); a second decode in a fresh JVM must give the same hashes
"$java" "$repo/golden/tools/ImageIoPixels.java" --png-dir "$work/png" --json "$work/imageio-pixels.json" "${images[@]}"
"$java" "$repo/golden/tools/ImageIoPixels.java" --json "$work/imageio-pixels-again.json" "${images[@]}" > /dev/null
node -e 'const fs=require("fs"); const h=(f)=>JSON.stringify(JSON.parse(fs.readFileSync(f)).images.map((i)=>[i.image,i.rgbSha256]));
  if (h(process.argv[1]) !== h(process.argv[2])) { console.error("ImageIO decoded the same JPEGs differently twice"); process.exit(1); }' \
  "$work/imageio-pixels.json" "$work/imageio-pixels-again.json"
pngjs="$(node -p 'require(process.argv[1]).version' "$oracle/node_modules/pngjs/package.json")"

# 2. + 3. the oracle on the PNGs (run.mjs sorts a folder's files by name: sample1.png .. sample6.png, one process
# per configuration, as the Java side processes them), then hash check and naming
cd "$oracle"
multi='{"face":{"detector":{"maxDetected":20}}}'
for backend in wasm cpu; do
  suffix=""; [ "$backend" = cpu ] && suffix="-cpu"
  for name in face-default face-multi full full-multi; do
    preset=face; case "$name" in full*) preset=full;; esac
    config='{}'; case "$name" in *-multi) config="$multi";; esac
    node run.mjs --backend "$backend" --preset "$preset" --config "$config" --out "$work/$name$suffix.raw.json" "$work/png"
    node "$here/annotate-imageio.mjs" "$work/$name$suffix.raw.json" "$work/imageio-pixels.json" \
      --png-dir "$work/png" --source-dir images/face-api --pngjs "$pngjs" --out "$work/$name$suffix.json"
  done
done

# 4. noise between two correct backends: wasm (reference) vs cpu (candidate). The -cpu.json files are not committed.
mkdir -p "$here/wasm-vs-cpu"
for name in face-default face-multi full full-multi; do
  node compare.mjs "$work/$name.json" "$work/$name-cpu.json" > "$here/wasm-vs-cpu/compare-$name.txt"
  node "$here/diff-results.mjs" "$work/$name.json" "$work/$name-cpu.json" > "$here/wasm-vs-cpu/diff-$name.txt"
done
for name in face-default face-multi full full-multi; do cp "$work/$name.json" "$here/"; done
ls -l "$here" "$here/wasm-vs-cpu"
