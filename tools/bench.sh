#!/usr/bin/env bash
# Prints wall time and peak memory (RSS) for building each bundled sample, and
# for `typst compile` on the --emit-typst output when a `typst` binary is on PATH.
# Usage: tools/bench.sh [runs]      (a benchmark, not a test: nothing is asserted)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
cargo build --quiet
bin="$CARGO_TARGET_DIR/debug/nianbao"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

# Peak RSS via GNU time when present, else via /proc polling.
measure() {
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "%e %M" "$@" 2>"$out/time" >/dev/null || { cat "$out/time"; return 1; }
    tail -n1 "$out/time"
  else
    local start end peak=0 pid
    start=$(date +%s.%N)
    "$@" >/dev/null 2>"$out/err" & pid=$!
    while kill -0 "$pid" 2>/dev/null; do
      rss=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
      [ "${rss:-0}" -gt "$peak" ] && peak=$rss
      sleep 0.02
    done
    wait "$pid" || { cat "$out/err"; return 1; }
    end=$(date +%s.%N)
    awk -v a="$start" -v b="$end" -v p="$peak" 'BEGIN { printf "%.2f %d\n", b - a, p }'
  fi
}

printf '%-18s %-22s %10s %12s %8s\n' sample step "wall (s)" "peak RSS MB" pages
for sample in samples/*/; do
  name=$(basename "$sample")
  for i in $(seq "$runs"); do
    read -r secs kb < <(measure "$bin" build "$sample" --out "$out" --format pdf --no-system-fonts --emit-typst "$out/$name-typst")
    pages=$(pdfinfo "$out/$name.pdf" 2>/dev/null | awk '/^Pages/ {print $2}' || echo "?")
    printf '%-18s %-22s %10s %12.1f %8s\n' "$name" "nianbao build (pdf)" "$secs" "$(awk -v k="$kb" 'BEGIN { print k / 1024 }')" "${pages:-?}"
  done
  for i in $(seq "$runs"); do
    read -r secs kb < <(measure "$bin" build "$sample" --out "$out" --format docx)
    printf '%-18s %-22s %10s %12.1f\n' "$name" "nianbao build (docx)" "$secs" "$(awk -v k="$kb" 'BEGIN { print k / 1024 }')"
  done
  if command -v typst >/dev/null; then
    for i in $(seq "$runs"); do
      read -r secs kb < <(measure typst compile --font-path fonts --ignore-system-fonts "$out/$name-typst/main.typ" "$out/$name-typst.pdf")
      printf '%-18s %-22s %10s %12.1f\n' "$name" "typst compile" "$secs" "$(awk -v k="$kb" 'BEGIN { print k / 1024 }')"
    done
  else
    printf '%-18s %-22s %10s\n' "$name" "typst compile" "(no typst on PATH)"
  fi
done
