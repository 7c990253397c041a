#!/bin/sh
# hrc-player --validate: the GCC-style problem lines on stderr, the summary
# line on stdout, and the exit status (0 valid, 1 invalid, 2 usage).
# Usage: validate.sh PATH/TO/hrc-player PATH/TO/tests/data/loader
set -u
player=$1
data=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# English messages, and no display at all: validation must not need one.
export LC_ALL=C LANG=C
unset LANGUAGE DISPLAY WAYLAND_DISPLAY
failures=0

fail() {
    echo "FAIL: $*"
    echo "--- stdout:"; cat "$tmp/out"
    echo "--- stderr:"; cat "$tmp/err"
    failures=$((failures + 1))
}

# run EXPECTED_STATUS "EXPECTED SUMMARY" ARGS...
run() {
    want_status=$1 want_summary=$2
    shift 2
    "$player" --validate "$@" >"$tmp/out" 2>"$tmp/err"
    status=$?
    [ "$status" -eq "$want_status" ] || fail "$*: exit status $status, expected $want_status"
    [ "$(cat "$tmp/out")" = "$want_summary" ] ||
        fail "$*: summary differs from '$want_summary'"
    # Every problem line has the GCC form: file:line:col: severity: message,
    # or file: severity: message for problems about a whole file.
    if grep -Ev '^[^:]+(:[0-9]+:[0-9]+)?: (error|warning): .+$' "$tmp/err" >/dev/null; then
        fail "$*: a stderr line is not in the file:line:col: error: form"
    fi
}

expect_line() {
    grep -Fx -- "$1" "$tmp/err" >/dev/null || fail "missing stderr line: $1"
}

run 0 "1 file checked: 1 valid, 0 invalid, 0 errors, 0 warnings" "$data/valid/full.xml"
[ -s "$tmp/err" ] && fail "a valid file printed problems"

run 0 "2 files checked: 2 valid, 0 invalid, 0 errors, 0 warnings" "$data/valid"

run 0 "1 file checked: 1 valid, 0 invalid, 0 errors, 1 warning" "$data/invalid/warn-only.xml"
expect_line "$data/invalid/warn-only.xml:6:5: warning: <summary> lacks a translation: fr"

run 1 "2 files checked: 1 valid, 1 invalid, 17 errors, 1 warning" \
    "$data/invalid/semantic.xml" "$data/valid/minimal.xml"
expect_line "$data/invalid/semantic.xml:17:3: error: duplicate id \"dup\" (first used on line 12)"
expect_line "$data/invalid/semantic.xml:60:5: error: single-choice question \"two-correct\" must have exactly one choice with correct=\"yes\" (it has 2)"
# Problems come sorted by line.
lines=$(sed -n 's/^[^:]*semantic.xml:\([0-9]*\):.*/\1/p' "$tmp/err" | tr '\n' ' ')
sorted=$(sed -n 's/^[^:]*semantic.xml:\([0-9]*\):.*/\1/p' "$tmp/err" | sort -n | tr '\n' ' ')
[ "$lines" = "$sorted" ] || fail "problems are not in line order: $lines"

run 1 "2 files checked: 1 valid, 1 invalid, 1 error, 0 warnings" "$data/course-dup"
expect_line "$data/course-dup/b.xml:2:1: error: module id \"same\" is already used by $data/course-dup/a.xml"

run 1 "1 file checked: 0 valid, 1 invalid, 1 error, 0 warnings" "$data/no-such-module.xml"
expect_line "$data/no-such-module.xml: error: cannot open the file: No such file or directory"

# An external entity naming /etc/passwd is refused, and nothing leaks.
run 1 "1 file checked: 0 valid, 1 invalid, 1 error, 0 warnings" "$data/invalid/doctype.xml"
expect_line "$data/invalid/doctype.xml:3:1: error: DOCTYPE is not allowed in a module"
if grep -q 'root:' "$tmp/out" "$tmp/err"; then fail "output shows /etc/passwd"; fi

# A folder without modules is a failure too.
mkdir "$tmp/empty"
run 1 "0 files checked: 0 valid, 0 invalid, 1 error, 0 warnings" "$tmp/empty"

# Usage error: no path at all.
"$player" --validate >"$tmp/out" 2>"$tmp/err"
status=$?
[ "$status" -eq 2 ] || fail "--validate without a path: exit status $status, expected 2"

if [ "$failures" -ne 0 ]; then
    echo "$failures check(s) failed"
    exit 1
fi
echo "validate.sh: all checks passed"
