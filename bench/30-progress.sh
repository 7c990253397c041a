#!/bin/sh
# The progress store: answer commit latency and exports (see bench/progress/).
exec "$(dirname "$0")/progress/run-progress.sh" "$@"
