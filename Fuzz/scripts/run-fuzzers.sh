#!/usr/bin/env bash
# Builds the libFuzzer targets and runs each for FUZZ_SECONDS (default 60) on a temporary copy of its seed corpus,
# so runs never dirty Fuzz/Corpus. Prints executions and crashes per target; exits 1 if any target crashed,
# timed out or ran out of memory. FUZZ_TARGETS picks targets; crash inputs are kept in FUZZ_ARTIFACTS;
# FOLIO_FUZZ_ROOT (with FUZZ_SCRATCH) fuzzes another checkout of the root package.
set -u
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}
targets=${FUZZ_TARGETS:-FuzzCSV FuzzJSON FuzzDataYAML FuzzYAML FuzzFrontMatter FuzzChartBlock FuzzTableBlock FuzzInlineValue FuzzSlug FuzzEscape FuzzMarkdown FuzzTemplate}
swift=${SWIFT:-swift}
scratch=${FUZZ_SCRATCH:-.build-fuzz}
# The Swift runtime's backtracer reads memory under ASan and buries the real report: leave crashes to libFuzzer.
export SWIFT_BACKTRACE=enable=no
work=$(mktemp -d "${TMPDIR:-/tmp}/folio-fuzz.XXXXXX")
artifacts=${FUZZ_ARTIFACTS:-$work/artifacts}
mkdir -p "$artifacts"

# SwiftPM passes `-sanitize=fuzzer` and `-sanitize=address` to swiftc as two flags in no fixed order, and the last one
# wins: add both as one flag at the end, or half the builds lack coverage (libFuzzer then sees only C code) or ASan.
"$swift" build -c release --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address -Xlinker --no-gc-sections \
    --scratch-path "$scratch" \
    2>&1 | grep -v "ld.gold: warning: Cannot export local symbol" || true
[ "${PIPESTATUS[0]}" -eq 0 ] || { echo "fuzz: build failed"; exit 1; }

dictionary() {
    case $1 in
        FuzzCSV) echo csv ;; FuzzJSON) echo json ;; FuzzDataYAML | FuzzYAML) echo yaml ;; FuzzFrontMatter) echo frontmatter ;;
        FuzzChartBlock | FuzzTableBlock) echo blocks ;; FuzzInlineValue) echo inline ;; FuzzSlug) echo slug ;;
        FuzzEscape) echo escape ;; FuzzMarkdown) echo markdown ;; FuzzTemplate) echo template ;;
    esac
}

failed=0
summary=""
for target in $targets; do
    corpus="$work/corpus/$target"
    mkdir -p "$corpus"
    cp Corpus/"$target"/* "$corpus"/ 2>/dev/null
    options=(-max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 -artifact_prefix="$artifacts/$target-")
    dict=$(dictionary "$target")
    [ -n "$dict" ] && options+=(-dict="Dictionaries/$dict.dict")
    echo "fuzz: $target for ${seconds}s"
    "$scratch"/release/"$target" "${options[@]}" "$corpus" >"$work/$target.log" 2>&1
    status=$?
    executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$target.log" | tail -1)
    [ -n "$executions" ] || executions=$(grep -o '^#[0-9]*' "$work/$target.log" | tail -1 | tr -d '#')
    found=$(find "$artifacts" -name "$target-*" | wc -l)
    if [ "$status" -ne 0 ] || [ "$found" -gt 0 ]; then
        failed=1
        echo "fuzz: $target FAILED (exit $status); log: $work/$target.log"
        grep -m 5 -E "ERROR|Fatal error|SUMMARY|ALARM|out-of-memory" "$work/$target.log" | sed 's/^/    /'
    fi
    summary+=$(printf '%-16s %12s executions  %s crashes' "$target" "${executions:-?}" "$found")$'\n'
done
echo
printf '%s' "$summary"
echo "fuzz: logs and new corpus entries in $work; crash inputs in $artifacts"
exit $failed
