# Sourced by the tests that need a real window: a private Xvfb, the player
# started with its screen trace (HRC_TRACE_SCREENS), and ways to wait for
# what it shows and to press on it with the real mouse (xdotool).
#
#   xvfb_test_begin TOOL...      skip (exit 77) unless every TOOL is there;
#                                makes $work, removed at exit with any Xvfb
#                                and player still running (KEEP=1 keeps it)
#   start_xvfb WxH LOGFILE       sets DISPLAY and xvfb_pid, or returns 1
#   start_player ARGS...         the player in the background, its stderr
#                                and trace in $work/trace; sets player_pid
#   stop_player                  SIGTERM, wait; sets player_status
#   fail MESSAGE                 says why, shows the end of the trace, exit 1
#   wait_trace PATTERN           a trace line matching PATTERN (grep), after
#                                the last one waited for (10 s)
#   wait_screen TITLE            the same for a screen whose title holds TITLE
#   last_targets                 the targets of the last screen drawn
#   wait_target LABEL            a target whose label holds LABEL (5 s)
#   click LABEL                  moves the real mouse there and clicks
#   shot NAME                    a screenshot as $shots/NAME.png, if possible
#
# Xvfb picks a free display number itself (-displayfd), so tests running
# in parallel never race for the same one. In a sanitized build the X11,
# Mesa and D-Bus modules SDL loads leave leaks LeakSanitizer cannot name,
# so leak checking is off for windowed runs; memory errors are still caught,
# and the player's own memory is leak-checked by the tests with no display.

xvfb_pid= player_pid= player_status=
seen=0 # lines of the trace already used by wait_trace

xvfb_cleanup() {
  [ -n "$player_pid" ] && kill "$player_pid" 2>/dev/null
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
  wait 2>/dev/null
  if [ -n "${KEEP:-}" ]; then echo "kept $work"; else rm -rf "$work"; fi
}

xvfb_test_begin() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed"; exit 77; }
  done
  work=$(mktemp -d)
  shots=${shots:-$work/shots}
  mkdir -p "$shots"
  trap xvfb_cleanup EXIT
}

fail() {
  echo "FAIL: $*"
  echo "--- log and screen trace:"
  grep -v '^target' "$work/trace" 2>/dev/null | tail -n 40
  exit 1
}

start_xvfb() {
  local size=$1 log=$2 fifo
  fifo=$(mktemp -u)
  mkfifo "$fifo" || return 1
  Xvfb -displayfd 3 -screen 0 "${size}x24" -nolisten tcp 3>"$fifo" >"$log" 2>&1 &
  xvfb_pid=$!
  local display=""
  read -r -t 10 display <"$fifo"
  rm -f "$fifo"
  [ -n "$display" ] || return 1
  export DISPLAY=":$display"
  export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
}

start_player() {
  HRC_TRACE_SCREENS=1 "$player" "$@" 2>"$work/trace" &
  player_pid=$!
  seen=0
}

stop_player() {
  kill -TERM "$player_pid" 2>/dev/null
  wait "$player_pid"
  player_status=$?
  player_pid=
}

wait_trace() {
  local line
  for _ in $(seq 200); do
    kill -0 "$player_pid" 2>/dev/null || fail "the player exited while waiting for '$1'"
    line=$(tail -n +"$((seen + 1))" "$work/trace" | grep -n -- "$1" | head -n1)
    if [ -n "$line" ]; then
      seen=$((seen + ${line%%:*}))
      echo "seen: $1"
      return 0
    fi
    sleep 0.05
  done
  fail "no '$1' within 10 s"
}

wait_screen() {
  wait_trace "^screen: .*$1"
}

last_targets() {
  awk '/^screen: /{delete b; n=0} /^target: /{b[n++]=$0} END{for(i=0;i<n;i++) print b[i]}' \
    "$work/trace"
}

wait_target() {
  for _ in $(seq 100); do
    last_targets | grep -qF -- "$1" && { echo "target: $1"; return 0; }
    sleep 0.05
  done
  fail "no target '$1'"
}

click() {
  local t=
  for _ in $(seq 100); do
    t=$(last_targets | grep -F -- "$1" | head -n1)
    [ -n "$t" ] && break
    sleep 0.05
  done
  [ -n "$t" ] || fail "no target '$1' on the screen"
  set -- $t
  xdotool mousemove $(($2 + $4 / 2)) $(($3 + $5 / 2)) click 1
}

shot() {
  command -v import >/dev/null && import -window root "$shots/$1.png" 2>/dev/null
  return 0
}
