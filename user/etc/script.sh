#!/bin/sh
# Run by sh: a loop, a command substitution and an exit status, each seen in
# what it prints ("script: start", "script: 1" to "script: 3", "script: sub")
# and in its status, 3.
echo script: start
for i in 1 2 3; do echo "script: $i"; done
# shellcheck disable=SC2116 # the substitution is what is being tried
echo "script: $(echo sub)"
exit 3
