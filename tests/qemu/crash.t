#!/usr/bin/env bash
# tests/qemu/crash.t - what bramble prints when it crashes, checked.
#
# Boots the crash image (the kernel plus tests/kernel/crash.c) flat under
# QEMU (-bios: loaded at 0x8000 as the firmware does; the ELF loader would
# zero .noinit) with a crash requested (tests/kernel/crash.c:
# the request is written into the kernel's crash_request variable before it
# runs, by QEMU's loader device), once for each: an unexpected data abort (a
# write to rodata inside a self-test), a panic, an unexpected prefetch
# abort (a call into rodata), and a recursion that overflows core 0's SVC
# stack. Each report must carry the decoded fault, the table walk for the
# address, the backtrace with function names from the built-in symbol
# table, and end the TAP with "Bail out!"; the overflow's must also name
# the stack; the panic's must report cores 1-3 stopped (an IPI from the
# panicking core), each where it was. QEMU must exit with status 1.
#
# Each crash runs twice: with -semihosting, and without it, as on a board,
# where no host takes the exit status: there the log must hold exactly one
# report and one "Bail out!", end with "bramble: halted", and stay quiet, and
# QEMU's monitor must find core 0 in halt() with IRQ, FIQ and asynchronous
# aborts masked. The logs stay in build/crash-*.log.
set -u
cd "$(dirname "$0")/../.." || exit 1

elf=build/crash/kernel7.elf
img=build/crash/kernel7.img
for f in "$elf" "$img"; do
	[ -f "$f" ] || { echo "Bail out! $f is missing: run make build/crash/kernel7.img first"; exit 1; }
done
symbol() { arm-none-eabi-nm "$elf" | awk -v name="$1" '$3 == name { print $1 }'; }
request_virt=$(symbol crash_request)
rodata_virt=$(symbol __rodata_start)
code_virt=$(symbol crash_rodata_code)
stacks_virt=$(symbol __stacks_start)
[ -n "$request_virt" ] || { echo "Bail out! no crash_request in $elf"; exit 1; }
[ -n "$code_virt" ] || { echo "Bail out! no crash_rodata_code in $elf"; exit 1; }
request_phys=$(printf '0x%08x' $((0x$request_virt - 0x80000000)))

n=0
check() { # check OK DESCRIPTION [DETAIL...]
	local ok=$1 what=$2
	shift 2
	n=$((n + 1))
	if [ "$ok" = 1 ]; then
		echo "ok $n - $what"
	else
		local line
		for line in "$@"; do echo "#   $line"; done
		echo "not ok $n - $what"
	fi
}
has() { grep -Eq -- "$2" "$1" && echo 1; }

halt_start=$((0x$(symbol halt)))
halt_size=$((0x$(arm-none-eabi-nm -S "$elf" | awk '$4 == "halt" { print $2 }')))

# crash NAME REQUEST [nohost]: boot with the request, leave the log in
# build/crash-NAME.log (build/crash-NAME-nohost.log without semihosting).
# Without semihosting nothing ends the boot: wait for the kernel to halt,
# watch the log stay quiet for a second, ask the monitor where core 0 is
# (into $pc and $psr), and stop QEMU.
crash() {
	local name=$1 request=$2 host=${3:-host} sock
	log=build/crash-$name.log
	[ "$host" = host ] || log=build/crash-$name-nohost.log
	local qemu=(qemu-system-arm -M raspi2b -smp 4 -m 1G -display none -serial "file:$log"
		-no-reboot -icount shift=0,sleep=off
		-device "loader,addr=$request_phys,data=$request,data-len=8" -bios "$img")
	rm -f "$log"
	if [ "$host" = host ]; then
		timeout -k 5 "${BOOT_TIMEOUT:-30}" "${qemu[@]}" -monitor none -semihosting \
			</dev/null 2>"$log.stderr"
		status=$?
		sed -i 's/\r$//' "$log"
		return
	fi
	sock=build/crash-$name.monitor
	rm -f "$sock"
	"${qemu[@]}" -monitor "unix:$sock,server,nowait" </dev/null 2>"$log.stderr" &
	local pid=$! i
	for ((i = 0; i < ${BOOT_TIMEOUT:-30} * 10; i++)); do
		grep -q 'bramble: halted' "$log" 2>/dev/null && break
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	sleep 0.5
	size_halted=$(stat -c %s "$log" 2>/dev/null || echo 0)
	sleep 1
	size_later=$(stat -c %s "$log" 2>/dev/null || echo 0)
	registers=$(tests/qemu/monitor "$sock" "info registers" 2>&1)
	kill "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	rm -f "$sock"
	pc=$(echo "$registers" | sed -n 's/.*R15=\([0-9a-f]\{8\}\).*/\1/p')
	psr=$(echo "$registers" | sed -n 's/^PSR=\([0-9a-f]\{8\}\).*/\1/p')
	sed -i 's/\r$//' "$log"
}

# What every crash without a host ends with: one report, one Bail out!, the
# halt line last, then nothing, and core 0 halted with everything masked.
check_halted() { # check_halted NAME REPORT_REGEX
	local name=$1 report=$2
	check "$([ "$(grep -Ec -- "$report" "$log")" = 1 ] && echo 1)" "$name, no host: one report" \
		"expected: one line matching '$report'" "actual:   $(grep -Ec -- "$report" "$log")"
	check "$([ "$(grep -c '^Bail out!' "$log")" = 1 ] && echo 1)" "$name, no host: one Bail out!"
	check "$(has "$log" '^# semihosting: no host to exit to \(status 1\)$|^semihosting: no host to exit to \(status 1\)$')" \
		"$name, no host: the exit finds no host, and says so"
	check "$([ "$(tail -n 1 "$log")" = "bramble: halted" ] && echo 1)" \
		"$name, no host: the log ends with 'bramble: halted'" "actual last line: $(tail -n 1 "$log")"
	check "$([ "$size_halted" -gt 0 ] && [ "$size_halted" = "$size_later" ] && echo 1)" \
		"$name, no host: nothing more is printed" "log size $size_halted, a second later $size_later"
	check "$([ -n "$pc" ] && (( 0x$pc >= halt_start && 0x$pc < halt_start + halt_size )) && echo 1)" \
		"$name, no host: core 0 is in halt()" \
		"expected: pc in 0x$(printf %08x $halt_start)+0x$(printf %x $halt_size)" "actual:   ${pc:-no pc} ($registers)"
	check "$([ -n "$psr" ] && (( (0x$psr & 0x1C0) == 0x1C0 )) && echo 1)" \
		"$name, no host: with IRQ, FIQ and asynchronous aborts masked" "actual: PSR ${psr:-unknown}"
}

echo "TAP version 13"

# What every report of an unexpected abort on a rodata page carries: QEMU's
# exit status, the walk (a page table, then a read-only, execute-never page),
# the registers, the backtrace from frame FIRST in FUNCTION through its callers
# down to kmain, and the TAP ending in Bail out!.
check_rodata_abort() { # check_rodata_abort NAME ADDR FIRST FUNCTION
	local name=$1 addr=$2 first=$3 function=$4
	check "$([ "$status" = 1 ] && echo 1)" "$name: QEMU exits with status 1" "actual: $status"
	local index
	index=$(printf '0x%03x' $(($addr >> 20))) # the L1 entry that covers addr's MiB
	check "$(has "$log" "^#   walk $addr: L1\[$index\] = 0x[0-9a-f]{8}: page table at 0x[0-9a-f]{8}$")" \
		"$name: the table walk shows the L1 entry (a page table)"
	check "$(has "$log" "^#     L2\[0x[0-9a-f]{2}\] = 0x[0-9a-f]{8}: small page at 0x[0-9a-f]{8}: Normal RO NX, pa 0x[0-9a-f]{8}$")" \
		"$name: and the L2 entry: a read-only, execute-never page"
	check "$(has "$log" "^#   pc  0x[0-9a-f]{8}  cpsr")" "$name: the registers"
	check "$(has "$log" "^#   #$first 0x[0-9a-f]{8} $function\+0x")" \
		"$name: the backtrace has the function that faulted, by name"
	check "$(has "$log" "^#   #$((first + 1)) 0x[0-9a-f]{8} crash_nested\+0x")" "$name: then its caller"
	check "$(has "$log" "^#   #$((first + 2)) 0x[0-9a-f]{8} ktest_crash_on_request\+0x")" \
		"$name: then the test that called it"
	check "$(has "$log" " kmain\+0x")" "$name: down to kmain"
	check "$(has "$log" "^Bail out! unexpected fault")" "$name: TAP ends with Bail out!"
}

crash fault 0x3B5AFFFEC4A50001 # the request, and its complement above it
log=build/crash-fault.log
addr="0x$rodata_virt"
check "$(has "$log" "^# \*\*\* data abort: permission fault \(page\) on write at $addr")" \
	"fault: the report decodes the fault and its address" "expected a permission fault at $addr"
check_rodata_abort fault "$addr" 0 crash_write_rodata

crash panic 0x3B5AFFFDC4A50002
log=build/crash-panic.log
check "$([ "$status" = 1 ] && echo 1)" "panic: QEMU exits with status 1" "actual: $status"
check "$(has "$log" "PANIC at tests/kernel/crash.c:[0-9]+: crash test: panic on request, value 0xc4a50002")" \
	"panic: the message with its value"
check "$(has "$log" "^#   #[0-9] 0x[0-9a-f]{8} crash_nested\+0x")" "panic: the backtrace names the caller"
check "$(has "$log" " kmain\+0x")" "panic: down to kmain"
check "$(has "$log" "^Bail out!")" "panic: TAP ends with Bail out!"
stopped=$(grep -Ec '^# fatal: core [1-3] stopped at pc 0x[0-9a-f]{8} \(idle_loop\+0x[0-9a-f]+\)' "$log")
check "$([ "$stopped" = 3 ] && echo 1)" \
	"panic: cores 1-3 are stopped, each reported where it was (in their idle threads)" \
	"expected 3 lines 'fatal: core N stopped at pc ...', actual $stopped"

crash execute 0x3B5AFFFCC4A50003
log=build/crash-execute.log
addr="0x$code_virt"
check "$(has "$log" "^# \*\*\* prefetch abort: permission fault \(page\) at $addr, pc $addr \(SVC\)$")" \
	"execute: the report decodes the fault, at the rodata address" \
	"expected a prefetch abort, permission fault at $addr"
check "$(has "$log" "^#   IFSR 0x0000000f: status 0x0f$")" "execute: the IFSR and its status"
check "$(has "$log" "^#   pc  $addr  cpsr")" "execute: pc at the rodata address"
check "$(has "$log" "^#   #0 $addr \?$")" "execute: the backtrace starts at the address, in no function"
check_rodata_abort execute "$addr" 1 crash_execute_rodata

crash overflow 0x3B5AFFFBC4A50004
log=build/crash-overflow.log
# Core 0's SVC stack is the first in .stacks, its guard the page below it (layout.h).
fault=$(sed -n 's/^# \*\*\* data abort: translation fault (page) on write at \(0x[0-9a-f]\{8\}\),.*/\1/p' "$log")
check "$([ "$status" = 1 ] && echo 1)" "overflow: QEMU exits with status 1" "actual: $status"
check "$(has "$log" "^# \*\*\* stack overflow: the core 0 SVC stack \(0x[0-9a-f]{8}-0x[0-9a-f]{8}\) ran into its guard page$")" \
	"overflow: the report names the stack and its guard page"
check "$([ -n "$fault" ] && (( fault >= 0x$stacks_virt && fault < 0x$stacks_virt + 4096 )) && echo 1)" \
	"overflow: a translation fault on a write into the guard page" \
	"expected: a write fault in 0x$stacks_virt-+0xfff" "actual:   ${fault:-no such line}"
check "$(has "$log" "^#     L2\[0x[0-9a-f]{2}\] = 0x00000000: fault \(not mapped\)$")" \
	"overflow: the table walk shows the guard page unmapped"
check "$(has "$log" "^#   #0 0x[0-9a-f]{8} crash_recurse\+0x")" \
	"overflow: the backtrace starts in the recursion, by name"
check "$(has "$log" "^#   #1 0x[0-9a-f]{8} crash_recurse\+0x")" "overflow: which called itself"
check "$(has "$log" "^Bail out! unexpected fault")" \
	"overflow: TAP ends with Bail out!"

abort='^# \*\*\* (data|prefetch) abort: '
crash fault 0x3B5AFFFEC4A50001 nohost
check_halted fault "$abort"
crash panic 0x3B5AFFFDC4A50002 nohost
check_halted panic '^# PANIC at '
crash execute 0x3B5AFFFCC4A50003 nohost
check_halted execute "$abort"
crash overflow 0x3B5AFFFBC4A50004 nohost
check_halted overflow "$abort"
check "$(has "$log" "^# \*\*\* stack overflow: the core 0 SVC stack")" "overflow, no host: the report names the stack"

echo "1..$n"
