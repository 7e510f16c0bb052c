#!/bin/sh
# Boot bramble the way the "bios" loader does (see boot-test).
exec "$(dirname "$0")/boot-test" bios
