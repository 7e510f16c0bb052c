#!/bin/sh
# Boot bramble the way the "firmware" loader does (see boot-test).
exec "$(dirname "$0")/boot-test" firmware
