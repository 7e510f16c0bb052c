#!/usr/bin/env bash
# tests/qemu/user.t - the reference for bramble's system calls: the same user
# programs, byte for byte the ones in build/initramfs.cpio (with symbols),
# run on the host under qemu-arm, which implements Linux's ARM EABI calls on
# top of the host's Linux. What bramble's own tests expect of each program
# (kernel/process_test.c) must hold here too; a difference means bramble's
# expectation is not Linux's.
#
#   - tap_selftest, forktest and systest print TAP: every point ok, except where qemu-arm itself
#     departs from Linux (listed below, each with the reason; they are
#     marked TODO so that a fixed qemu-arm shows up as a bonus);
#   - hello prints its pid, its arguments and its heap check;
#   - fault dies of SIGSEGV for each memory fault and SIGILL for the
#     undefined instruction, as bramble kills it;
#   - isolation and spin end with status 0; bench, which reads the cycle
#     counter, dies of SIGILL (only make bench's image lets PL0 read it).
cd "$(dirname "$0")/../.." || exit 1
ulimit -c 0 # qemu-arm dumps core for a guest's fatal signal
n=0
failed=0
check() { # OK NAME [DIAGNOSTIC...]
	n=$((n + 1))
	if [ "$1" = 1 ]; then
		echo "ok $n - $2"
	else
		failed=$((failed + 1))
		echo "not ok $n - $2"
		shift 2
		for line in "$@"; do echo "#   $line"; done
	fi
}
echo "TAP version 13"
command -v qemu-arm >/dev/null || { echo "Bail out! qemu-arm is missing (scripts/install-deps installs qemu-user)"; exit 1; }
for p in tap_selftest forktest systest hello fault isolation spin bench; do
	[ -f "build/user/$p.elf" ] || { echo "Bail out! build/user/$p.elf is missing: run make first"; exit 1; }
done
run() { timeout 20 qemu-arm "$@" 2>&1; }

# Where qemu-arm (7.2) is not Linux, by the selftest's point name:
#   nanosleep with a NULL request: linux-user/syscall.c ignores the result of
#   target_to_host_timespec() for nanosleep and sleeps on whatever was on its
#   stack; Linux's nanosleep copies the request with get_timespec64() and
#   returns -EFAULT, as bramble does.
#   mprotect across a hole: linux-user/mmap.c's target_mprotect walks the
#   host pages of the range without asking whether each is mapped; Linux's
#   mprotect stops at the hole with -ENOMEM, as bramble does.
#   nanosleep cut short with a bad rem: linux-user/syscall.c ignores the
#   result of host_to_target_timespec() for rem too and returns -EINTR;
#   Linux's do_nanosleep returns what nanosleep_copyout() does, -EFAULT when
#   put_timespec64() fails, as bramble does.
known="nanosleep with a NULL request: -EFAULT
mprotect across the hole: -ENOMEM
nanosleep cut short by a handler, a kernel address for rem: -EFAULT"

for prog in tap_selftest forktest systest; do
	out=$(run "build/user/$prog.elf")
	plan=$(printf '%s\n' "$out" | sed -n 's/^1\.\.\([0-9]*\)$/\1/p')
	results=$(printf '%s\n' "$out" | grep -cE '^(not )?ok [0-9]+ - ')
	check "$([ -n "$plan" ] && [ "$results" = "$plan" ] && echo 1)" "user.${prog}_complete" \
		"plan ${plan:-none}, $results results"
	while IFS= read -r line; do
		name=${line#*ok * - }
		name=${name% (got *}
		case $line in
		ok*) check 1 "user.$prog: $name" ;;
		"not ok"*)
			if printf '%s\n' "$known" | grep -qxF "$name"; then
				n=$((n + 1))
				echo "not ok $n - user.$prog: $name # TODO qemu-arm departs from Linux here (see the top of this file)"
			else
				check 0 "user.$prog: $name" "$line"
			fi ;;
		esac
	done < <(printf '%s\n' "$out" | grep -E '^(not )?ok [0-9]+ - ')
done

out=$(run build/user/hello.elf world)
check "$(printf '%s\n' "$out" | grep -qE '^hello from pid [0-9]+$' &&
	printf '%s\n' "$out" | grep -qx 'argv\[1\] = world' &&
	printf '%s\n' "$out" | grep -qE '^malloc: [0-9]+ bytes written and read back$' && echo 1)" \
	"user.hello_prints_pid_args_heap" "$out"

for kind in null kernel-read kernel-write kernel-jump text-write stack-guard heap-exec stack-exec undefined; do
	(run build/user/fault.elf "$kind") >/dev/null 2>&1 # the subshell's "Segmentation fault" too
	status=$?
	want=139 # 128 + SIGSEGV
	[ "$kind" = undefined ] && want=132 # 128 + SIGILL
	check "$([ "$status" = "$want" ] && echo 1)" "user.fault_$kind" \
		"exit status $status, expected $want"
done

for args in "isolation" "spin 10 3"; do
	# shellcheck disable=SC2086 # the words are the program and its arguments
	out=$(run build/user/${args%% *}.elf ${args#* })
	status=$?
	check "$([ "$status" = 0 ] && echo 1)" "user.runs: $args" "exit status $status" "$out"
done

# bench reads the cycle counter, which PL0 may not on Linux (PMUSERENR.EN is
# 0): SIGILL, as under bramble's kernel; only make bench's image lets it.
(run build/user/bench.elf none 0) >/dev/null 2>&1
status=$?
check "$([ "$status" = 132 ] && echo 1)" "user.bench_cycle_counter_is_not_pl0s" \
	"exit status $status, expected 132 (SIGILL)"

echo "1..$n"
[ "$failed" -eq 0 ]
