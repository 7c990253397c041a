#!/bin/sh
# Checks that each layer of player/ includes and calls only what
# tests/layers/rules allows. Prints every breach as file:line: message and
# exits 1 when there is any.
#   check.sh SOURCE_DIR
set -u
src=${1:?usage: check.sh SOURCE_DIR}
rules="$src/tests/layers/rules"
status=0
while read -r layer uses forbid calls; do
    case $layer in ''|'#'*) continue ;; esac
    [ -d "$src/player/$layer" ] || { echo "$rules: no folder player/$layer"; status=1; continue; }
    set -- "$src/player/$layer"/*.[ch]
    [ -e "$1" ] || continue
    awk -v layer="$layer" -v uses="${uses#uses=}" -v forbid="${forbid#forbid=}" \
        -v calls="${calls#calls=}" -v root="$src/" '
    BEGIN {
        n_use = split(uses, use, ","); n_forbid = split(forbid, bad, ",")
        n_calls = split(calls, call, ",")
        for (i = 1; i <= n_use; i++) ok[use[i]] = 1
    }
    function report(msg) { f = FILENAME; sub("^" root, "", f); print f ":" FNR ": " msg; breaches++ }
    /^[ \t]*#[ \t]*include[ \t]*"/ {
        inc = $0; sub(/^[^"]*"/, "", inc); sub(/".*/, "", inc)
        if (inc ~ /\//) { top = inc; sub(/\/.*/, "", top)
            if (!(top in ok)) report("player/" layer " may not include \"" inc "\" (it may use: " uses ")") }
    }
    /^[ \t]*#[ \t]*include[ \t]*</ {
        inc = $0; sub(/^[^<]*</, "", inc)
        for (i = 1; i <= n_forbid; i++)
            if (index(inc, bad[i]) == 1) report("player/" layer " may not include <" bad[i] "...>")
    }
    {
        for (i = 1; i <= n_calls; i++)
            if (match($0, "(^|[^A-Za-z0-9_.>])" call[i] "[ \t]*\\("))
                report("player/" layer " may not call " call[i] "()")
    }
    END { exit breaches > 0 }' "$@" || status=1
done < "$rules"
[ $status -eq 0 ] && echo "layers: every folder of player/ uses only what tests/layers/rules allows"
exit $status
