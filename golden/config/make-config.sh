#!/usr/bin/env bash
# Config goldens from Human 3.3.6 (the oracle), for human-config's tests:
#   human-default-config.json  Human's own default config in Node: the oracle's `node defaults.mjs` (new Human().config)
#   all-keys.merged.json       new Human(all-keys.user.json).config: the user config that sets every key Human reads,
#                              deep-merged over the defaults by Human's own mergeDeep
#   keys-read.json             every config key Human 3.3.6's src/ reads, the files that read it, and whether the
#                              defaults and the typings (config.ts) have it and all-keys.user.json sets it
# usage: HUMAN_ORACLE_DIR=/path/to/oracle bash golden/config/make-config.sh   (node 20; a few seconds)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
export HUMAN_ORACLE_DIR="$(cd "${HUMAN_ORACLE_DIR:-$repo/../oracle}" && pwd)"
(cd "$HUMAN_ORACLE_DIR" && node defaults.mjs) > "$here/human-default-config.json"
node "$here/merged-config.mjs" defaults | cmp -s - "$here/human-default-config.json" \
  || { echo "defaults.mjs and merged-config.mjs disagree about Human's defaults" >&2; exit 1; }
node "$here/merged-config.mjs" merge "$here/all-keys.user.json" > "$here/all-keys.merged.json"
node "$here/merged-config.mjs" keys "$here/all-keys.user.json" > "$here/keys-read.json"
node -e 'const k = require(process.argv[1]).keys.filter((x) => !x.setByUser); if (k.length) { console.error("all-keys.user.json misses", k.map((x) => x.key)); process.exit(1); }' "$here/keys-read.json"
ls -l "$here"
