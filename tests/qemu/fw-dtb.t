#!/bin/sh
# Boot bramble the way the "fw-dtb" loader does (see boot-test).
exec "$(dirname "$0")/boot-test" fw-dtb
