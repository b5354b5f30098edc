#!/usr/bin/env bash
# Installs the peer's pinned npm packages (package-lock.json, no registry URLs in it: .npmrc) into bench/peer/node_modules
# with `npm ci`, unless they are there already and not older than the lockfile. npm's own registry and proxy
# configuration apply; packages already in npm's cache are used without the network (--prefer-offline).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
command -v npm >/dev/null || { echo "bench/peer: npm is missing; install Node.js 20 (with npm) to run the peer" >&2; exit 1; }
if [ -d node_modules/@vladmandic/human ] && [ ! package-lock.json -nt node_modules/.package-lock.json ]; then
  exit 0
fi
npm ci --prefer-offline --no-audit --no-fund --loglevel=error
