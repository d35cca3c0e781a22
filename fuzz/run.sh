#!/bin/sh
# Runs one fuzz target: first over its committed corpus (seeds and the inputs of fixed crashes), then on
# for the given seconds with new inputs kept in a corpus of its own under the run folder.
#   run.sh FUZZER FUZZ_DIR RUN_DIR SECONDS [libFuzzer options]
set -eu
fuzzer="$1" fuzzdir="$2" rundir="$3" seconds="$4"
shift 4
name="$(basename "$fuzzer")"
name="${name#fuzz_}"
rm -rf "$rundir"
mkdir -p "$rundir/corpus" "$rundir/crashes"
case "$name" in
  log_*) dict="$fuzzdir/dict/logs.dict" ;;
  *) dict="$fuzzdir/dict/$name.dict" ;;
esac
if [ -f "$dict" ]; then dict="-dict=$dict"; else dict=""; fi
# shellcheck disable=SC2086
exec "$fuzzer" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 -print_final_stats=1 \
  -artifact_prefix="$rundir/crashes/" $dict "$@" "$rundir/corpus" "$fuzzdir/corpus/$name"
