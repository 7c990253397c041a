#!/bin/sh
# The player's startup, draw time and idle CPU (see bench/startup/run.sh).
exec "$(dirname "$0")/startup/run.sh" "$@"
