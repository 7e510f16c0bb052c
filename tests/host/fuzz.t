#!/bin/sh
# Run the heap/window fuzz target for FUZZ_SECONDS (default 25) and report
# one TAP result. make fuzz runs it longer. The corpus grows in
# build/fuzz-corpus; a crashing input is saved in build/ and named below.
cd "$(dirname "$0")/../.." || exit 1
seconds=${FUZZ_SECONDS:-25}
fuzzer=build/host/fuzz_kheap
log=build/fuzz.log
echo "TAP version 13"
echo "1..1"
if [ ! -x "$fuzzer" ]; then
	echo "not ok 1 - fuzz.kheap_window # $fuzzer is missing: run make first"
	exit 0
fi
mkdir -p build/fuzz-corpus
"$fuzzer" -max_total_time="$seconds" -max_len=4096 -artifact_prefix=build/fuzz- \
	build/fuzz-corpus >"$log" 2>&1
status=$?
runs=$(grep -o 'Done [0-9]* runs' "$log" | tail -n 1)
if [ "$status" = 0 ]; then
	echo "# $runs in $seconds s, no failure (log: $log)"
	echo "ok 1 - fuzz.kheap_window"
else
	tail -n 25 "$log" | sed 's/^/# /'
	echo "not ok 1 - fuzz.kheap_window (exit $status; log: $log)"
fi
