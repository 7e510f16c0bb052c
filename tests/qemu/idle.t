#!/usr/bin/env bash
# tests/qemu/idle.t - an idle bramble costs the host almost nothing.
#
# Boots build/kernel7.img as the firmware hands it over, without
# -semihosting and without -icount (as make run does), waits for the
# console's prompt, and then reads QEMU's own CPU time (utime + stime in
# /proc/PID/stat) across IDLE_SECONDS (default 5) of doing nothing: core 0
# waits in wfi between ticks, cores 1-3 are parked in wfi. Under QEMU's TCG
# a core in wfe spins on a host CPU; one in wfi sleeps. The budget is 0.5
# host CPU seconds per 10 idle seconds (0.25 in the default 5). The log stays in build/idle.log.
set -u
cd "$(dirname "$0")/../.." || exit 1
img=build/kernel7.img
fwstub=build/tests/fwstub.bin
log=build/idle.log
idle_s=${IDLE_SECONDS:-5}
for f in "$img" "$fwstub"; do
	[ -f "$f" ] || { echo "Bail out! $f is missing: run make first"; exit 1; }
done
echo "TAP version 13"
echo "1..2"
rm -f "$log"
qemu-system-arm -M raspi2b -smp 4 -m 1G -display none -monitor none -no-reboot \
	-serial "file:$log" -device "loader,file=$fwstub,addr=0x0" \
	-device "loader,file=$img,addr=0x8000" </dev/null 2>"$log.stderr" &
pid=$!
trap 'kill $pid 2>/dev/null' EXIT
for ((i = 0; i < 600; i++)); do
	grep -q 'bramble> ' "$log" 2>/dev/null && break
	sleep 0.1
done
if ! grep -q 'bramble> ' "$log" 2>/dev/null; then
	echo "Bail out! no console prompt within 60 s (log: $log)"
	exit 1
fi
echo "ok 1 - idle.prompt_reached"
hz=$(getconf CLK_TCK)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
before=$(cpu_ticks)
sleep "$idle_s"
after=$(cpu_ticks)
used=$((after - before))
budget=$((hz * idle_s / 20)) # 0.5 s per 10 s
echo "# QEMU used $used CPU ticks of $hz a second over $idle_s idle seconds (budget $budget)"
if [ "$used" -le "$budget" ]; then
	echo "ok 2 - idle.host_cpu_within_budget"
else
	echo "not ok 2 - idle.host_cpu_within_budget"
fi
