# Sourced by the LRS sync tests. Each test starts its own redis-server and
# Learning Locker statement service (xapi-statements) on free 127.0.0.1
# ports, and stops them on exit.
#
#   lrs_init WORK NODE_DIR     a fresh WORK folder; traps EXIT to stop everything
#   lrs_start                  starts redis and the LRS: LRS_PORT, LRS_URL (…/xAPI)
#   lrs_stop                   stops them (the statements are lost: memory models)
#   proxy_start NAME ARGS...   tests/lrs/proxy.py in front of the LRS; sets
#                              PROXY_PORT and proxy_pid_NAME; ARGS are proxy.py's
#   proxy_stop NAME
#   write_conf ENDPOINT KEY SECRET [LINE...]   $XDG_CONFIG_HOME/hrc-player/lrs.conf
#   seed_store DATA LEARNERS EVENTS  a store with LEARNERS x EVENTS answers,
#                              written with SQL (fast): no summaries
#   store_ids DATA             the store's statement ids, sorted (from --export)
#   lrs_ids                    the LRS's statement ids, sorted (GET, following more)
#   check_same WHAT DATA...    fails unless the LRS holds exactly the statements
#                              of these stores, each once
#   fail MESSAGE
#
# HRC (the player), DRIVER (progress_driver) and the variables above are set
# by the test script.

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
lib_pids=()
# Debian's own python3 starts at once; a version manager's shim may not.
PYTHON=python3
[ -x /usr/bin/python3 ] && PYTHON=/usr/bin/python3

fail() {
  echo "FAILED: $*" >&2
  exit 1
}

lib_cleanup() {
  local p
  for p in "${lib_pids[@]}"; do
    kill -CONT "$p" 2>/dev/null
    kill "$p" 2>/dev/null
  done
  for p in "${lib_pids[@]}"; do
    wait "$p" 2>/dev/null
  done
}

lrs_init() {
  work=$1 node_dir=$2
  rm -rf "$work" && mkdir -p "$work" || exit 1
  [ -f "$node_dir/node_modules/xapi-statements/dist/index.js" ] ||
    fail "the LRS is not installed in $node_dir (tests/lrs/setup.sh)"
  trap lib_cleanup EXIT
  # Requests to 127.0.0.1 never go through a proxy of the machine's.
  unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY no_proxy NO_PROXY
  unset HRC_LRS_ENDPOINT HRC_LRS_USER HRC_LRS_PASSWORD
  export XDG_CONFIG_HOME=$work/config
  mkdir -p "$XDG_CONFIG_HOME/hrc-player" && chmod 700 "$XDG_CONFIG_HOME"
}

free_port() {
  "$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Waits up to $2 seconds for a TCP port to accept connections.
wait_port() {
  "$PYTHON" - "$1" "${2:-20}" <<'PY'
import socket, sys, time
port, limit = int(sys.argv[1]), float(sys.argv[2])
end = time.time() + limit
while time.time() < end:
    try:
        socket.create_connection(("127.0.0.1", port), 0.5).close()
        sys.exit(0)
    except OSError:
        time.sleep(0.05)
sys.exit(1)
PY
}

lrs_start() {
  local redis_port
  redis_port=$(free_port)
  LRS_PORT=$(free_port)
  mkdir -p "$work/lrs-run"
  redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no \
    --daemonize no --logfile "$work/lrs-run/redis.log" &
  redis_pid=$!
  lib_pids+=("$redis_pid")
  wait_port "$redis_port" 10 || fail "redis-server did not start"
  # The service keeps files under its working folder (storage/).
  (cd "$work/lrs-run" && exec env AUTH_REPO=test MODELS_REPO=memory STORAGE_REPO=local \
     EVENTS_REPO=redis REDIS_URL="redis://127.0.0.1:$redis_port/0" EXPRESS_PORT="$LRS_PORT" \
     WINSTON_CONSOLE_LEVEL=error NODE_NO_WARNINGS=1 \
     node "$node_dir/node_modules/xapi-statements/dist/index.js" \
     >> "$work/lrs-run/lrs.log" 2>&1) &
  lrs_pid=$!
  lib_pids+=("$lrs_pid")
  wait_port "$LRS_PORT" 30 || fail "the LRS did not start (see $work/lrs-run/lrs.log)"
  LRS_URL=http://127.0.0.1:$LRS_PORT/xAPI
}

lrs_stop() {
  kill -CONT "$lrs_pid" 2>/dev/null
  kill "$lrs_pid" "$redis_pid" 2>/dev/null
  wait "$lrs_pid" "$redis_pid" 2>/dev/null
}

proxy_start() {
  local name=$1
  shift
  PROXY_PORT=${PROXY_PORT_WANTED:-$(free_port)}
  "$PYTHON" "$here/proxy.py" --listen "$PROXY_PORT" "$@" >> "$work/proxy-$name.log" 2>&1 &
  local pid=$!
  lib_pids+=("$pid")
  printf -v "proxy_pid_$name" '%s' "$pid"
  wait_port "$PROXY_PORT" 10 || fail "proxy $name did not start (see $work/proxy-$name.log)"
}

proxy_stop() {
  local var=proxy_pid_$1
  kill "${!var}" 2>/dev/null
  wait "${!var}" 2>/dev/null
}

write_conf() {
  local file=$XDG_CONFIG_HOME/hrc-player/lrs.conf
  {
    echo "# written by the test"
    echo "endpoint = $1"
    echo "key = $2"
    echo "secret = $3"
    shift 3
    local line
    for line in "$@"; do echo "$line"; done
  } > "$file"
  chmod 600 "$file"
}

seed_store() {
  "$DRIVER" open "$1" > /dev/null || fail "cannot create a store in $1"
  "$PYTHON" "$here/seed_store.py" "$1/progress.db" "$2" "$3" || fail "seeding $1"
}

store_ids() { # kept next to the store while its number of events stays the same
  local n cache=$1/ids.txt
  n=$(sqlite3 "$1/progress.db" "SELECT count(*) FROM event")
  if [ ! -f "$cache" ] || [ "$(head -n 1 "$cache")" != "$n" ]; then
    "$HRC" --export "$work/ids-export.json" --data-dir "$1" > /dev/null ||
      fail "cannot export $1"
    { echo "$n"; "$PYTHON" -c 'import json, sys
for s in json.load(open(sys.argv[1])): print(s["id"])' "$work/ids-export.json" | sort; } \
      > "$cache"
  fi
  tail -n +2 "$cache"
}

lrs_ids() {
  "$PYTHON" "$here/lrs_tool.py" ids "$LRS_URL"
}

# The LRS holds exactly the statements of the stores DATA..., each once.
check_same() {
  local what=$1 data
  shift
  for data in "$@"; do store_ids "$data"; done | sort > "$work/store.ids"
  lrs_ids > "$work/lrs.ids" || fail "$what: cannot read the LRS"
  local dups
  dups=$(uniq -d "$work/lrs.ids" | wc -l)
  [ "$dups" = 0 ] || fail "$what: $dups statements twice in the LRS"
  cmp -s "$work/store.ids" "$work/lrs.ids" ||
    fail "$what: the LRS holds $(wc -l < "$work/lrs.ids") statements, the stores" \
         "$(wc -l < "$work/store.ids"); first differences:" \
         "$(diff "$work/store.ids" "$work/lrs.ids" | head -5 | tr '\n' ' ')"
}

# The store's record: how many statements have no acknowledgement.
unacknowledged() {
  sqlite3 "$1/progress.db" "SELECT count(*) FROM event e WHERE NOT EXISTS (SELECT 1
    FROM sync_state y WHERE y.event_id = e.id AND y.status IN ('sent', 'present'))"
}

# Runs hrc-player --sync on DATA with any more options; the exit status,
# stdout in $work/out and stderr in $work/err.
run_sync() {
  local data=$1
  shift
  "$HRC" --sync --data-dir "$data" "$@" > "$work/out" 2> "$work/err"
}

# --sync must end with everything acknowledged.
sync_ok() {
  local data=$1 what=$2
  shift 2
  run_sync "$data" "$@" || fail "$what: exit $?: $(cat "$work/out" "$work/err")"
  grep -q ", 0 pending, 0 refused$" "$work/out" || fail "$what: $(cat "$work/out")"
}
