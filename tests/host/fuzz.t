#!/bin/sh
# Run each libFuzzer target (the heap and window, the device-tree reader,
# the executable checker, the cpio reader) for its share of FUZZ_SECONDS
# (default 10: 4, 2, 2 and 2) and report one TAP result each. make fuzz
# runs them longer. Each corpus grows in build/fuzz-corpus-NAME; a crashing
# input is saved in build/ and named below.
cd "$(dirname "$0")/../.." || exit 1
seconds=${FUZZ_SECONDS:-10}
echo "TAP version 13"
echo "1..4"
n=0
run() { # run NAME SHARE-IN-FIFTHS MAX_LEN
	name=$1
	n=$((n + 1))
	fuzzer=build/host/fuzz_$name
	log=build/fuzz-$name.log
	share=$((seconds * $2 / 5))
	[ "$share" -gt 0 ] || share=1
	if [ ! -x "$fuzzer" ]; then
		echo "not ok $n - fuzz.$name # $fuzzer is missing: run make first"
		return
	fi
	mkdir -p "build/fuzz-corpus-$name"
	"$fuzzer" -max_total_time="$share" -max_len="$3" -artifact_prefix="build/fuzz-$name-" \
		"build/fuzz-corpus-$name" >"$log" 2>&1
	status=$?
	runs=$(grep -o 'Done [0-9]* runs' "$log" | tail -n 1)
	if [ "$status" = 0 ]; then
		echo "# $runs in $share s, no failure (log: $log)"
		echo "ok $n - fuzz.$name"
	else
		tail -n 25 "$log" | sed 's/^/# /'
		echo "not ok $n - fuzz.$name (exit $status; log: $log)"
	fi
}
run kheap 2 4096
run fdt 1 8192
run elf 1 4096
run cpio 1 8192
