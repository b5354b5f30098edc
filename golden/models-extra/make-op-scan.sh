#!/usr/bin/env bash
# Writes golden/models-extra/new-ops.json: for each model of human-models-extra, the op types and attribute values the
# project's generic graph executor does not run yet (scan-ops.mjs), against the op table of the compiled executor
# (ExecutorOps.java, by reflection).
# usage: bash golden/models-extra/make-op-scan.sh     (from anywhere; needs java 17+, node 20 and compiled classes:
#        mvn -pl human-api -am compile). The models come from golden/tools/extra-models.sh (the build's tarball cache,
#        or HUMAN_MODELS_EXTRA_DIR).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
cp="$(ls -d "$repo"/*/target/classes 2>/dev/null | tr '\n' ':')"
[[ -n $cp ]] || { echo "no compiled classes under $repo/*/target/classes: run mvn -pl human-api -am compile first" >&2; exit 1; }
java -cp "$cp" "$here/ExecutorOps.java" > "$work/executor-ops.txt"
models="$(bash "$repo/golden/tools/extra-models.sh" "$work/extra")"
node "$here/scan-ops.mjs" --models "$models" --executor-ops "$work/executor-ops.txt" --out "$here/new-ops.json"
