#!/usr/bin/env bash
# ImageIO (JDK) vs jpeg-js (oracle) decoded pixels on the face-api samples, and how the difference propagates
# into Human's results.
# usage: HUMAN_ORACLE_DIR=/path/to/oracle bash golden/tools/make-pixels-report.sh   (needs java 17+ and node)
# Writes imageio-vs-jpegjs.txt and decoder-effect-{full,full-multi}.txt next to this script. No image is kept:
# the PNGs go to a temporary folder.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
oracle="$(cd "${HUMAN_ORACLE_DIR:-$repo/../oracle}" && pwd)"
[ -f "$oracle/run.mjs" ] || { echo "no oracle at $oracle: set HUMAN_ORACLE_DIR" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cd "$oracle"
# jpeg-js pixels, losslessly, plus the oracle's rgbSha256 per image
node run.mjs --preset face --dump-png "$tmp/jpegjs-png" --out "$tmp/jpegjs-face.json" images/face-api/ > /dev/null
images=(images/face-api/sample1.jpg images/face-api/sample2.jpg images/face-api/sample3.jpg
        images/face-api/sample4.jpg images/face-api/sample5.jpg images/face-api/sample6.jpg)
java "$here/ImageIoVsJpegJs.java" "$tmp/jpegjs-png" --oracle-json "$tmp/jpegjs-face.json" "${images[@]}" > "$here/imageio-vs-jpegjs.txt"
# ImageIO pixels as PNG, made exactly as for the pipeline goldens (ImageIO.read + getRGB)
java "$here/ImageIoPixels.java" --png-dir "$tmp/imageio-png" "${images[@]}" > /dev/null
# Human 3.3.6 (wasm) on the ImageIO pixels (= golden/pipeline/full*.json) vs on the jpeg-js pixels
multi='{"face":{"detector":{"maxDetected":20}}}'
for name in full full-multi; do
  config='{}'; [ "$name" = full-multi ] && config="$multi"
  node run.mjs --backend wasm --preset full --config "$config" --out "$tmp/jpegjs-$name.json" images/face-api/ > /dev/null
  node run.mjs --backend wasm --preset full --config "$config" --out "$tmp/imageio-$name.json" "$tmp/imageio-png" > /dev/null
  # same image names on both sides (sampleN.png -> sampleN.jpg) so the comparers can match them
  node -e 'const fs=require("fs"); const r=JSON.parse(fs.readFileSync(process.argv[1])); for (const i of r.images) i.image=i.image.replace(/\.png$/,".jpg"); fs.writeFileSync(process.argv[1], JSON.stringify(r));' "$tmp/imageio-$name.json"
  { echo "# reference: Human on jpeg-js pixels; candidate: Human on ImageIO pixels ($name, wasm)"
    echo "## compare.mjs"; node compare.mjs "$tmp/jpegjs-$name.json" "$tmp/imageio-$name.json"
    echo "## diff-results.mjs"; node "$repo/golden/pipeline/diff-results.mjs" "$tmp/jpegjs-$name.json" "$tmp/imageio-$name.json"
  } > "$here/decoder-effect-$name.txt"
done
cat "$here/imageio-vs-jpegjs.txt"
