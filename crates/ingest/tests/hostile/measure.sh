#!/bin/sh
# Runs the release binary on every generated hostile input (generate.py) and prints
# file, exit code, wall time and peak RSS (limits: 25 s, 2 GB of address space).
# Usage, from the workspace root: crates/ingest/tests/hostile/measure.sh [DIR]
dir=${1:-/tmp/nianbao-hostile/pingtan}
bin=${BIN:-${CARGO_TARGET_DIR:-target}/release/nianbao-ingest}
tmp=${TMPDIR:-/tmp}/nianbao-measure.$$
printf '%-22s %5s %8s %10s  %s\n' file exit elapsed maxrss_kb stderr
for f in "$dir"/*; do
  (ulimit -v 2000000; /usr/bin/time -v -o "$tmp.time" timeout 25 "$bin" report "$f" >/dev/null 2>"$tmp.err")
  code=$(awk -F': ' '/Exit status/ {print $2}' "$tmp.time")
  grep -q 'signal' "$tmp.time" && code=$(grep -o 'signal [0-9]*' "$tmp.time")
  secs=$(awk -F'): ' '/Elapsed/ {print $2}' "$tmp.time")
  rss=$(awk -F': ' '/Maximum resident/ {print $2}' "$tmp.time")
  err=$(head -c 400 "$tmp.err" | tr '\n' ' ' | sed 's|.*pingtan/[^:]*: ||' | cut -c1-70)
  printf '%-22s %5s %8s %10s  %s\n' "$(basename "$f")" "$code" "$secs" "$rss" "$err"
done
rm -f "$tmp.time" "$tmp.err"
