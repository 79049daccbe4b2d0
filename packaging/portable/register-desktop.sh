#!/bin/sh
# Adds this unpacked Qidong to the current user's menu and makes it the
# handler of qidong: links (and offers it for tel:), pointing at this
# folder. `./register-desktop.sh --remove` takes it out again.
set -eu
here=$(cd "$(dirname -- "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
entry="$data/applications/cn.qidong.Desktop.desktop"

if [ "${1:-}" = "--remove" ]; then
    rm -f "$entry"
    find "$data/icons/hicolor" -name 'cn.qidong.Desktop.*' -delete 2>/dev/null || true
    command -v update-desktop-database >/dev/null 2>&1 &&
        update-desktop-database -q "$data/applications" || true
    echo "Qidong removed from the menu."
    exit 0
fi

mkdir -p "$data/applications"
# The packaged entry with the program's full path: a folder in $HOME is on
# nobody's PATH.
sed "s|^Exec=qidong-desktop|Exec=\"$here/bin/qidong-desktop\"|" \
    "$here/share/applications/cn.qidong.Desktop.desktop" > "$entry"
(cd "$here/share" && find icons -name 'cn.qidong.Desktop.*' | while read -r icon; do
    mkdir -p "$data/$(dirname "$icon")"
    cp "$icon" "$data/$icon"
done)
command -v update-desktop-database >/dev/null 2>&1 &&
    update-desktop-database -q "$data/applications" || true
if command -v xdg-mime >/dev/null 2>&1; then
    xdg-mime default cn.qidong.Desktop.desktop x-scheme-handler/qidong
fi
echo "Qidong is in the menu and opens qidong: links ($entry)."
