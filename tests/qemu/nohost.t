#!/bin/sh
# Boot bramble the way the "nohost" loader does (see boot-test).
exec "$(dirname "$0")/boot-test" nohost
