#!/bin/sh
# Boot bramble the way the "dtb" loader does (see boot-test).
exec "$(dirname "$0")/boot-test" dtb
