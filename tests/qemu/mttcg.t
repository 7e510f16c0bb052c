#!/bin/sh
# Boot bramble the way the "mttcg" loader does (see boot-test).
exec "$(dirname "$0")/boot-test" mttcg
