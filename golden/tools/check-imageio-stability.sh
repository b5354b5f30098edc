#!/usr/bin/env bash
# Is ImageIO's decoding of the face-api samples stable? Decodes them twice with each JDK (fresh JVM each time) and
# compares the rgbSha256 hashes with the ones recorded in golden/pipeline/full-multi.json (the pixels the goldens
# were made on).
# usage: HUMAN_ORACLE_DIR=/path/to/oracle bash golden/tools/check-imageio-stability.sh [path/to/bin/java ...]
#   Without arguments: java on PATH plus every /usr/lib/jvm/*/bin/java (each distinct JDK once).
#   Writes imageio-stability.txt next to this script; exit code 1 if any decode differs.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
oracle="$(cd "${HUMAN_ORACLE_DIR:-$repo/../oracle}" && pwd)"
images=()
for n in 1 2 3 4 5 6; do images+=("$oracle/images/face-api/sample$n.jpg"); done
javas=("$@")
if [ ${#javas[@]} -eq 0 ]; then
  javas=("$(command -v java)")
  for j in /usr/lib/jvm/*/bin/java; do [ -x "$j" ] && javas+=("$j"); done
fi
declare -A seen=()
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
expected="$(node -e 'const r=JSON.parse(require("fs").readFileSync(process.argv[1]));
  for (const i of r.images) console.log(i.image, i.rgbSha256);' "$repo/golden/pipeline/full-multi.json")"
{
  echo "# ImageIO decoding stability: rgbSha256 (ImageIO.read + getRGB, see ImageIoPixels.java) per JDK, two decodes each"
  echo "# expected = the hashes recorded in golden/pipeline/*.json (the pixels the oracle was run on)"
  echo "$expected" | sed 's/^/expected  /'
  for j in "${javas[@]}"; do
    real="$(readlink -f "$j")"
    [ -n "${seen[$real]:-}" ] && continue
    seen[$real]=1
    for run in 1 2; do
      "$j" "$here/ImageIoPixels.java" "${images[@]}" > "$work/out"
      head -1 "$work/out" | sed "s/^/# run $run: /"
      got="$(tail -n +2 "$work/out" | awk '{print $1, $4}')"
      if [ "$got" = "$expected" ]; then echo "  all 6 hashes equal the expected ones"
      else echo "  DIFFERENT:"; diff <(echo "$expected") <(echo "$got") | sed 's/^/    /' || true; fi
    done
  done
} | tee "$here/imageio-stability.txt"
if grep -q DIFFERENT "$here/imageio-stability.txt"; then exit 1; fi
