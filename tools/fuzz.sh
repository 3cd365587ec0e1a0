#!/usr/bin/env bash
# Fuzzes nianbao with cargo-fuzz (libFuzzer): runs each target of fuzz/ in
# turn for the given time (one fuzzing process at a time), prints the
# executions per target and in total, then minimises each corpus (as
# `cargo fuzz cmin` does) into tests/fuzz_corpus/<target>/, which
# `cargo test --test fuzz_regressions` replays.
#
#   tools/fuzz.sh [seconds-per-target] [target...]   # default: 60 s, all four targets
#   FUZZ_CORPUS_KEEP=300                              # most files committed per target
#
# Targets: markdown, template_markdown, project_files, typst_emission (see
# tests/fuzz_harness/mod.rs). Needs the nightly toolchain and cargo-fuzz
# (`rustup toolchain install nightly`, `cargo install cargo-fuzz`). The first
# build compiles the Typst crates with coverage instrumentation (~20 min on two
# cores) into $NIANBAO_FUZZ_TARGET_DIR (default ~/.cache/nianbao-fuzz-target).
# A crash stops that target (the others still run; the script exits 1): the
# input is in fuzz/artifacts/<target>/. Minimise it with
#   cargo +nightly fuzz tmin -s none <target> fuzz/artifacts/<target>/crash-…
# then fix it and add the minimised input to tests/fuzz_corpus/<target>/crashes/
# (kept by every minimisation; a crash not fixed yet goes to open/, replayed
# only by `cargo test --test fuzz_regressions -- --ignored`).
# Every run appends (time, target, seconds, executions, status) to
# fuzz/logs/executions.tsv. More in fuzz/README.md.
set -euo pipefail

secs=${1:-60}
keep=${FUZZ_CORPUS_KEEP:-300}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(markdown template_markdown project_files typst_emission)
fi

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export CARGO_TARGET_DIR=${NIANBAO_FUZZ_TARGET_DIR:-$HOME/.cache/nianbao-fuzz-target}
# Safe Rust: panics, hangs and memory blow-ups are what we look for, so no
# sanitizer (twice the speed); debug assertions and overflow checks stay on.
# The same flags for every command, or cargo rebuilds everything.
# The harness's scratch project is rewritten for every input: keep it in memory.
if [ -z "${TMPDIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ]; then
    export TMPDIR=/dev/shm
fi
fuzz=(cargo +nightly fuzz)
flags=(-s none)

options() {
    local common=(-timeout=30 -rss_limit_mb=2048 -print_final_stats=1)
    case $1 in
        project_files) echo "${common[*]} -max_len=65536" ;;
        *) echo "${common[*]} -max_len=16384 -dict=fuzz/nianbao.dict" ;;
    esac
}

mkdir -p fuzz/logs
# One build for the whole run: every target is fuzzed and minimised with the
# same code even if the tree changes meanwhile.
"${fuzz[@]}" build "${flags[@]}"
bin=$CARGO_TARGET_DIR/$(rustc +nightly -vV | sed -n 's/^host: //p')/release

total=0
failed=()
summary=()
for t in "${targets[@]}"; do
    corpus=fuzz/corpus/$t
    mkdir -p "$corpus" fuzz/artifacts/"$t"
    # Start from the committed corpus and the fixed crashes (not open/: those still crash).
    find tests/fuzz_corpus/"$t" tests/fuzz_corpus/"$t"/crashes -maxdepth 1 -type f \
        -exec cp -n -t "$corpus"/ {} + 2>/dev/null || true
    log=fuzz/logs/$t.log
    echo "== $t: ${secs}s"
    # What `cargo fuzz run` runs, without its rebuild.
    # shellcheck disable=SC2046
    if "$bin/$t" -artifact_prefix=fuzz/artifacts/"$t"/ $(options "$t") \
        -max_total_time="$secs" "$corpus" >"$log" 2>&1; then
        status=ok
    else
        status=FAILED
        failed+=("$t")
        grep -E "panicked at|ERROR: libFuzzer|SUMMARY|Test unit written" "$log" | head -n 8 || true
    fi
    execs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' | tail -n 1 || true)
    execs=${execs:-0}
    total=$((total + execs))
    summary+=("$(printf '%-18s %12d executions  %s' "$t" "$execs" "$status")")
    printf '%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$t" "$secs" "$execs" "$status" >>fuzz/logs/executions.tsv
    echo "${summary[-1]}"
done

echo "== minimising the corpora into tests/fuzz_corpus/ (at most $keep files each)"
for t in "${targets[@]}"; do
    corpus=fuzz/corpus/$t
    # What `cargo fuzz cmin` does (libFuzzer -merge=1 into a fresh folder), on
    # the same build: the working corpus keeps every input with a new feature.
    rm -rf "$corpus.min"
    mkdir -p "$corpus.min"
    # shellcheck disable=SC2046
    if ! "$bin/$t" -merge=1 $(options "$t") "$corpus.min" "$corpus" >"fuzz/logs/$t.cmin.log" 2>&1; then
        echo "minimising $t failed: see fuzz/logs/$t.cmin.log"
        failed+=("$t (cmin)")
        rm -rf "$corpus.min"
        continue
    fi
    rm -rf "$corpus"
    mv "$corpus.min" "$corpus"
    # The committed corpus: edges only (no hit counts), and of those inputs
    # the $keep that cover most (greedy, smaller first on a tie).
    control=fuzz/logs/$t.merge
    rm -rf "$corpus.edges" "$control"
    mkdir -p "$corpus.edges"
    # shellcheck disable=SC2046
    "$bin/$t" -merge=1 -use_counters=0 -merge_control_file="$control" $(options "$t") \
        "$corpus.edges" "$corpus" >>"fuzz/logs/$t.cmin.log" 2>&1
    rm -rf "$corpus.edges"
    mkdir -p tests/fuzz_corpus/"$t"
    # The minimised corpus replaces the files; crashes/ and open/ stay.
    find tests/fuzz_corpus/"$t" -maxdepth 1 -type f -delete
    python3 - "$control" "$keep" <<'PY' | while read -r f; do cp "$f" tests/fuzz_corpus/"$t"/; done
import heapq
import sys
lines = open(sys.argv[1]).read().split("\n")
n = int(lines[0])
files = lines[2:2 + n]
size, feats = {}, {}
for line in lines[2 + n:]:
    w = line.split()
    if len(w) >= 3 and w[0] == "STARTED":
        size[int(w[1])] = int(w[2])
    elif w and w[0] == "FT":
        feats[int(w[1])] = set(map(int, w[2:]))
# Lazy greedy: a file's gain only shrinks as others are chosen.
heap = [(-len(f), size.get(i, 0), i) for i, f in feats.items()]
heapq.heapify(heap)
covered, chosen = set(), []
while heap and len(chosen) < int(sys.argv[2]):
    _, sz, i = heapq.heappop(heap)
    gain = len(feats[i] - covered)
    if gain == 0:
        continue
    if heap and (-gain, sz) > heap[0][:2]:
        heapq.heappush(heap, (-gain, sz, i))
        continue
    covered |= feats[i]
    chosen.append(files[i])
print("\n".join(chosen))
PY
    echo "$t: $(find tests/fuzz_corpus/"$t" -maxdepth 1 -type f | wc -l) files," \
        "$(find tests/fuzz_corpus/"$t" -maxdepth 1 -type f -exec cat {} + | wc -c) bytes"
done

# The harness's scratch projects of processes that have ended.
for d in "${TMPDIR:-/tmp}"/nianbao-fuzz-*; do
    [ -d "$d" ] || continue
    pid=${d##*/nianbao-fuzz-}
    pid=${pid%%-*}
    [ -d "/proc/$pid" ] || rm -rf "$d"
done

echo "== executions"
printf '%s\n' "${summary[@]}"
printf '%-18s %12d executions\n' total "$total"
if [ ${#failed[@]} -gt 0 ]; then
    echo "failed: ${failed[*]} (logs in fuzz/logs/, inputs in fuzz/artifacts/)"
    exit 1
fi
