#!/bin/bash
# The manual page describes every option that `hrc-player --help` lists,
# names the version the program reports, and is clean roff (no warning
# from groff, as lintian and man would show).
# Usage: man_page.sh PLAYER MAN_PAGE
set -u
player=$1
page=$2
fail() { echo "FAIL: $*"; exit 1; }

help=$(LANGUAGE=en LC_ALL=C.UTF-8 "$player" --help) || fail "--help exited with $?"
options=$(grep -oE -- '(^|[ ,])--?[a-z][a-z-]*' <<<"$help" | tr -d ' ,' | sort -u)
[ "$(wc -l <<<"$options")" -ge 15 ] || fail "too few options in --help: $options"

# The tag lines of the page's option list: the line after each .TP.
tags=$(awk 'prev == ".TP" { print } { prev = $0 }' "$page" | sed 's/\\-/-/g')
missing=""
for opt in $options; do
  grep -qE -- "(^|[ \"])$opt([ \",]|$)" <<<"$tags" || missing="$missing $opt"
done
[ -z "$missing" ] || fail "options in --help but not described in $page:$missing"

version=$("$player" --version | awk '{print $2}')
grep -q "^\.TH .*\"hrc-player $version\"" "$page" ||
  fail "$page does not name version $version in its .TH line"

if command -v groff >/dev/null; then
  warnings=$(LC_ALL=C.UTF-8 groff -man -ww -z -K utf8 "$page" 2>&1)
  [ -z "$warnings" ] || fail "groff warns about $page: $warnings"
else
  echo "groff not installed: roff not checked"
fi
echo "$(wc -w <<<"$options") options described; version $version"
