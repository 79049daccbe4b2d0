#!/bin/sh
# The manual pages: groff formats them without a warning, man-db finds
# their NAME line, and every option a program's --help lists is in its page
# (an option added without documenting it fails here).
# Arguments: the source tree and a built tree.
set -eu
src=$(cd "$1" && pwd)
build=$(cd "$2" && pwd)
fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }
export QT_QPA_PLATFORM=offscreen
for entry in "qidong-hub:$build/hub/qidong-hub" "qidong-desktop:$build/app/qidong-desktop" \
    "qidong-ctl:$build/ctl/qidong-ctl"; do
    page=${entry%%:*}
    program=${entry#*:}
    source="$build/packaging/man/$page.1"
    [ -f "$source" ] || fail "$source was not generated"
    [ -f "$source.gz" ] || fail "$source.gz was not generated"
    ! grep -q '@[A-Z_]*@' "$source" || fail "$page.1 has an unfilled @VARIABLE@"
    warnings=$(groff -man -ww -z -Tutf8 "$source" 2>&1)
    [ -z "$warnings" ] || fail "groff warns about $page.1: $warnings"
    lexgrog "$source" | grep -q "$page - " || fail "man-db finds no NAME line in $page.1"
    options=$("$program" --help 2>/dev/null | grep -o -- '--[a-z][a-z-]*' | sort -u)
    [ -n "$options" ] || fail "$program --help lists no options"
    for option in $options; do
        escaped=$(printf '%s' "$option" | sed 's/-/\\\\-/g')
        grep -q -- "$escaped" "$source" || fail "$page.1 does not document $option"
    done
    echo "$page.1: $(echo "$options" | wc -l) options documented"
done
