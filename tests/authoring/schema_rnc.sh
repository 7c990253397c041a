#!/bin/sh
# The schema as editors read it: courses/schema/module.rnc is exactly what
# trang makes of module.rng; the .rng and the .rng made back from the .rnc
# accept the template, the bundled course and the valid fixtures and refuse
# the invalid ones alike; every element and attribute of the .rng carries
# its documentation; the template's xml-model line names the schema.
# Exit 77 (skipped) when trang is missing (Debian package trang).
# Usage: schema_rnc.sh SOURCE_DIR
set -u
src=$1
schema="$src/courses/schema"
command -v trang >/dev/null || { echo "SKIP: trang is not installed"; exit 77; }
command -v xmllint >/dev/null || { echo "SKIP: xmllint is not installed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# 1. The .rnc is up to date.
trang -I rng -O rnc "$schema/module.rng" "$tmp/module.rnc" || fail "trang cannot read module.rng"
if ! cmp -s "$tmp/module.rnc" "$schema/module.rnc"; then
    diff -u "$schema/module.rnc" "$tmp/module.rnc" | head -n 40
    fail "module.rnc is not what trang makes of module.rng; run, in courses/schema:" \
         "trang -I rng -O rnc module.rng module.rnc"
fi

# 2. Both syntaxes say the same: the .rng, and the .rng made from the .rnc.
trang -I rnc -O rng "$schema/module.rnc" "$tmp/from-rnc.rng" || fail "trang cannot read module.rnc"
accepts() { xmllint --noout --relaxng "$1" "$2" >/dev/null 2>&1; }
for rng in "$schema/module.rng" "$tmp/from-rnc.rng"; do
    for f in "$src/courses/template.xml" "$src"/courses/human-rights-cities/*.xml \
             "$src"/tests/data/loader/valid/*.xml "$src"/tests/data/loader/lint/*.xml; do
        accepts "$rng" "$f" || fail "$(basename "$rng") refuses $f"
    done
    for f in "$src/tests/data/loader/invalid/schema.xml" \
             "$src/tests/data/loader/messages/attributes.xml" \
             "$src/tests/data/loader/messages/elements.xml"; do
        accepts "$rng" "$f" && fail "$(basename "$rng") accepts $f"
    done
done

# 3. Documentation on every element and attribute.
undocumented=$(xmllint --xpath "count(//*[local-name()='element' or local-name()='attribute']
    [not(*[local-name()='documentation'])])" "$schema/module.rng")
[ "$undocumented" = 0 ] || fail "$undocumented elements or attributes of module.rng have no a:documentation"
grep -q '^ *## ' "$schema/module.rnc" || fail "module.rnc carries no documentation"

# 4. The template names the schema where it is.
href=$(sed -n 's/^<?xml-model href="\([^"]*\)".*relaxng.*/\1/p' "$src/courses/template.xml")
[ -n "$href" ] || fail "the template does not start with an xml-model line for the RELAX NG schema"
[ "$(sed -n 2p "$src/courses/template.xml" | cut -c1-11)" = "<?xml-model" ] ||
    fail "the xml-model line is not the template's second line"
[ -f "$src/courses/$href" ] || fail "the template's xml-model href ($href) names no file"

[ "$failures" -eq 0 ] || { echo "$failures check(s) failed"; exit 1; }
echo ok
