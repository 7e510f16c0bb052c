#!/bin/sh
# Boot bramble the way the "go-hyp" loader does (see boot-test).
exec "$(dirname "$0")/boot-test" go-hyp
