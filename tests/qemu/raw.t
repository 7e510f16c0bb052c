#!/bin/sh
# Boot bramble the way the "raw" loader does (see boot-test).
exec "$(dirname "$0")/boot-test" raw
