#!/bin/sh
# The portable tarball as a user of another distribution meets it:
#   1. MakePortable.cmake makes it from the build tree given (CI: the ci
#      tree; the one that ships comes from the release tree, tools/package);
#   2. unpacked, every program, library and plugin in it resolves all its
#      libraries, each bundled one from the tarball, through RUNPATHs
#      relative to the file (no LD_LIBRARY_PATH);
#   3. with this machine's Qt and the other libraries of Qidong's stack made
#      unreadable (a private mount namespace: unshare, root), the unpacked
#      hub starts with a demo organisation and the unpacked desktop signs
#      an agent in to it: both run on what the tarball carries.
# Arguments: the source tree and a built tree.
set -eu
src=$(cd "$1" && pwd)
build=$(cd "$2" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/qidong-portable.XXXXXX")
hub_pid=
desktop_pid=
cleanup() {
    [ -z "$desktop_pid" ] || kill "$desktop_pid" 2>/dev/null || true
    [ -z "$hub_pid" ] || kill "$hub_pid" 2>/dev/null || true
    wait 2>/dev/null || true
    pkill -f "$work/unpacked" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
say() { printf '== %s\n' "$*"; }
fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || fail "hides system libraries in a mount namespace: run as root (as CI does)"

say "making the tarball"
cmake -DBUILD_DIR="$build" -DOUTPUT_DIR="$work/out" -P "$src/packaging/portable/MakePortable.cmake"
set -- "$work"/out/qidong-*-linux-*.tar.gz
[ -f "$1" ] || fail "no tarball in $work/out"
tarball=$1
mkdir "$work/unpacked"
tar -C "$work/unpacked" -xzf "$tarball"
set -- "$work"/unpacked/qidong-*
root=$1
ls "$root"

say "layout"
for file in bin/qidong-desktop bin/qidong-hub bin/qt.conf lib/libQt6Core.so.6 \
    lib/libQt6Widgets.so.6 lib/libqt6keychain.so.1 lib/libopus.so.0 \
    plugins/platforms/libqxcb.so plugins/platforms/libqoffscreen.so \
    plugins/sqldrivers/libqsqlite.so \
    plugins/platforminputcontexts/libibusplatforminputcontextplugin.so \
    share/applications/cn.qidong.Desktop.desktop \
    share/icons/hicolor/256x256/apps/cn.qidong.Desktop.png \
    etc/hub.conf.example README register-desktop.sh; do
    [ -e "$root/$file" ] || fail "$file is not in the tarball"
done
# The system's own: never bundled.
for file in libc.so.6 libstdc++.so.6 libGL.so.1 libX11.so.6 libxcb.so.1 libfontconfig.so.1 \
    libpulse.so.0 libdbus-1.so.3 libssl.so.3; do
    [ ! -e "$root/lib/$file" ] || fail "$file is bundled: it must come from the system"
done

# Qidong's own stack: Qt, ICU, QtKeychain, the voice libraries.
# (libopus is bundled too, but the system's libsndfile, PulseAudio's, may
# load the system's copy first: either serves.)
own_stack='^lib(Qt6|qt6keychain|icu|webrtc_audio|speexdsp|sodium|double-conversion|md4c|b2|pcre2-16)'

say "every file finds its libraries in the tarball"
checked=0
for elf in "$root"/bin/qidong-* "$root"/lib/*.so* "$root"/plugins/*/*.so; do
    readelf -d "$elf" | grep -q 'RUNPATH.*\$ORIGIN' || fail "$elf has no \$ORIGIN RUNPATH"
    ldd "$elf" > "$work/ldd" 2>&1 || fail "ldd $elf: $(cat "$work/ldd")"
    ! grep -q 'not found' "$work/ldd" || fail "$elf: $(grep 'not found' "$work/ldd")"
    # Qt and Qidong's libraries are loaded from the tarball, not the system.
    while read -r soname _ path _; do
        echo "$soname" | grep -Eq "$own_stack" || continue
        [ -e "$root/lib/$soname" ] || fail "$soname ($elf) is not bundled"
        [ "$(readlink -f "$path")" = "$(readlink -f "$root/lib/$soname")" ] ||
            fail "$elf loads $soname from $path, not from the tarball"
    done < "$work/ldd"
    checked=$((checked + 1))
done
echo "$checked files checked"

# What a machine without our stack lacks: Qt (libraries and plugins) and the
# libraries Qidong brings along. The general-purpose libraries the tarball
# also carries stay visible: the system's own libraries (PulseAudio's, for
# one) load them by their system path, as they would anywhere.
qt_plugins=$(sed -n 's/^set(QT_PLUGIN_DIR "\(.*\)")$/\1/p' "$build/packaging/QidongPortableSettings.cmake")
[ -d "$qt_plugins" ] || fail "no Qt plugin folder named in $build/packaging/QidongPortableSettings.cmake"
# Becomes the program (exec): call it in a subshell, `(hidden_run …)`, or in
# the background, `hidden_run … &`, which leaves the program itself in $!.
hidden_run() {
    exec unshare --mount sh -c '
        qt_plugins=$1; shift
        for name in $(ls "$QIDONG_ROOT/lib" | grep -E "$QIDONG_OWN_STACK"); do
            for dir in /lib/x86_64-linux-gnu /usr/lib/x86_64-linux-gnu /usr/lib64 /usr/lib; do
                [ -e "$dir/$name" ] && mount --bind /dev/null "$(readlink -f "$dir/$name")"
            done
        done
        mount -t tmpfs none "$qt_plugins"
        exec "$@"
    ' hidden "$qt_plugins" "$@"
}
export QIDONG_ROOT="$root" QIDONG_OWN_STACK="$own_stack" QT_QPA_PLATFORM=offscreen

say "with the system's Qt hidden"
(hidden_run sh -c 'cat /usr/lib/x86_64-linux-gnu/libQt6Core.so.6 | wc -c') | grep -qx 0 ||
    fail "the system's Qt is still readable in the namespace"
(hidden_run "$root/bin/qidong-hub" --version)
(hidden_run "$root/bin/qidong-desktop" --version)
mkdir "$work/data"
hidden_run "$root/bin/qidong-hub" --data-dir "$work/data" --demo --demo-customers 50 \
    --listen 127.0.0.1:0 --web-listen off --media-listen 127.0.0.1:0 2> "$work/hub.log" &
hub_pid=$!
url=
for _ in $(seq 1 150); do
    url=$(sed -n 's/.*"event":"hub.listening".*"url":"\(ws:[^"]*\)".*/\1/p' "$work/hub.log")
    [ -n "$url" ] && break
    kill -0 "$hub_pid" 2>/dev/null || fail "the unpacked hub stopped: $(cat "$work/hub.log")"
    sleep 0.2
done
[ -n "$url" ] || fail "the unpacked hub did not listen: $(cat "$work/hub.log")"
echo "hub: $url (SQLite and demo data through the tarball's plugin)"
QIDONG_TEST_PASSWORD=qidong-demo HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" \
    hidden_run "$root/bin/qidong-desktop" --hub "$url" --user li.na \
    --password-env QIDONG_TEST_PASSWORD --language en 2> "$work/desktop.log" &
desktop_pid=$!
signed_in() {
    grep '"event":"login.succeeded"' "$work/hub.log" | grep -q '"via":"password"' &&
        grep -q 'signed in as "li.na"' "$work/desktop.log"
}
for _ in $(seq 1 150); do
    signed_in && break
    kill -0 "$desktop_pid" 2>/dev/null || fail "the unpacked desktop stopped: $(cat "$work/desktop.log")"
    sleep 0.2
done
signed_in ||
    fail "the unpacked desktop did not sign in: $(tail -20 "$work/desktop.log")"
echo "desktop: li.na signed in"
say "register-desktop.sh"
XDG_DATA_HOME="$work/xdg" HOME="$work/home" "$root/register-desktop.sh"
entry="$work/xdg/applications/cn.qidong.Desktop.desktop"
grep -qx "Exec=\"$root/bin/qidong-desktop\" %u" "$entry" || fail "the menu entry does not start this tree: $(grep Exec "$entry")"
desktop-file-validate "$entry"
[ -f "$work/xdg/icons/hicolor/256x256/apps/cn.qidong.Desktop.png" ] || fail "no icon registered"
XDG_DATA_HOME="$work/xdg" HOME="$work/home" "$root/register-desktop.sh" --remove
[ ! -e "$entry" ] || fail "--remove left the menu entry"
! find "$work/xdg/icons" -name 'cn.qidong.Desktop.*' | grep -q . || fail "--remove left icons"

size=$(du -m "$tarball" | cut -f1)
echo "tarball: $(basename "$tarball"), $size MB, $(ls "$root/lib" | wc -l) libraries bundled"
say "ok"
