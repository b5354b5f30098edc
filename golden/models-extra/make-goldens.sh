#!/usr/bin/env bash
# Per-model goldens of human-models-extra: extracts the models (golden/tools/extra-models.sh: the tarball the
# human-models-extra build cached, checked against its sums, or HUMAN_MODELS_EXTRA_DIR) and runs make-goldens.mjs.
# usage: HUMAN_ORACLE_DIR=/path/to/oracle bash golden/models-extra/make-goldens.sh [--only run,run]   (node 20)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
models="$(bash "$repo/golden/tools/extra-models.sh" "$work/extra")"
node "$here/make-goldens.mjs" --models "$models" "$@"
