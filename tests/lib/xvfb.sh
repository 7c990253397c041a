# Sourced by the tests that need a real window: starts a private Xvfb.
#
#   start_xvfb WIDTHxHEIGHT LOGFILE   sets DISPLAY and xvfb_pid, or returns 1
#
# Xvfb picks a free display number itself (-displayfd), so tests running
# in parallel never race for the same one. In a sanitized build the X11,
# Mesa and D-Bus modules SDL loads leave leaks LeakSanitizer cannot name,
# so leak checking is off for windowed runs; memory errors are still caught,
# and the player's own memory is leak-checked by the tests with no display.

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
