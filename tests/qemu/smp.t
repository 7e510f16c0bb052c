#!/bin/sh
# Boot the kernel built with processes on every core (make SMP_PROCESSES=1,
# build/smp) the way the firmware hands over, under -icount: its self-tests
# run processes on all four cores (see boot-test).
exec "$(dirname "$0")/boot-test" smp
