#!/bin/sh
# Boot bramble the way the "go-svc" loader does (see boot-test).
exec "$(dirname "$0")/boot-test" go-svc
