#!/bin/sh
# Boot bramble the way the "elf" loader does (see boot-test).
exec "$(dirname "$0")/boot-test" elf
