#!/bin/sh
# The packages as an installer meets them (run as root on a Debian 12 test
# machine; tools/test does it in CI):
#   1. cpack makes the DEBs and RPMs from the build tree given (CI: the ci
#      tree, so the packaging is checked without a second build; the
#      packages that ship come from the release tree, tools/package);
#   2. lintian finds no errors in the DEBs;
#   3. they install with dpkg; the installed programs answer --version and
#      --check-config from /usr/bin; the service user and unit are there;
#   4. an upgrade to the next version (the same DEBs with their version
#      raised) keeps the user's settings, the administrator's hub.conf and
#      the keychain entry;
#   5. a purge leaves no packaged file behind (the hub's data and its user
#      stay: the organisation's).
# Arguments: the source tree and a built tree.
set -eu
src=$(cd "$1" && pwd)
rel=$(cd "$2" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/qidong-packages.XXXXXX")
trap 'rm -rf "$work"' EXIT
say() { printf '== %s\n' "$*"; }
fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || fail "installs packages: run as root (as CI does)"
export QT_QPA_PLATFORM=offscreen
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$rel/CMakeCache.txt")
[ -n "$version" ] || fail "no project version in $rel/CMakeCache.txt"
next=$(echo "$version" | awk -F. '{ printf "%d.%d.%d", $1, $2, $3 + 1 }')

say "packaging"
(cd "$rel" && cpack -G "DEB;RPM" -B "$work/n" >/dev/null)
rm -rf "$work/n/_CPack_Packages"
ls "$work/n"
for name in qidong-desktop_$version qidong-hub_$version; do
    ls "$work/n/$name"_*.deb >/dev/null 2>&1 || fail "no $name DEB"
done
ls "$work/n"/qidong-desktop-$version*.rpm "$work/n"/qidong-hub-$version*.rpm >/dev/null ||
    fail "no RPMs"
rpm -qpR "$work/n"/qidong-hub-$version*.rpm | grep -q 'libQt6Core' || fail "RPM requires no Qt"
dpkg-deb -f "$work/n"/qidong-desktop_${version}_*.deb Depends | grep -q 'libqt6multimedia6' ||
    fail "computed dependencies are missing"

# The next version: the same contents, the version raised.
mkdir -p "$work/n1"
for deb in "$work/n"/*.deb; do
    rm -rf "$work/unpacked"
    dpkg-deb -R "$deb" "$work/unpacked"
    sed -i "s/^Version: $version\$/Version: $next/" "$work/unpacked/DEBIAN/control"
    name=$(basename "$deb" | sed "s/_${version}_/_${next}_/")
    dpkg-deb --root-owner-group -b "$work/unpacked" "$work/n1/$name" >/dev/null
done

say "lintian"
# Errors and warnings fail (informational tags are printed).
lintian --fail-on error,warning "$work/n"/*.deb

say "installing $version"
dpkg -i "$work/n"/qidong-hub_${version}_*.deb "$work/n"/qidong-desktop_${version}_*.deb
dpkg-query -L qidong-desktop qidong-hub | sort -u > "$work/files"
/usr/bin/qidong-desktop --version | grep -q "^qidong-desktop $version" || fail "desktop --version"
/usr/bin/qidong-hub --version | grep -q "^qidong-hub $version" || fail "hub --version"
/usr/bin/qidong-hub --config /etc/qidong/hub.conf --data-dir "$work/state" --check-config |
    grep -q 'configuration OK' || fail "hub --check-config"
getent passwd qidong-hub >/dev/null || fail "no qidong-hub user"
[ -f /lib/systemd/system/qidong-hub.service ] || fail "no unit"
systemd-analyze verify /lib/systemd/system/qidong-hub.service || fail "the unit does not verify"
[ -f /usr/share/applications/cn.qidong.Desktop.desktop ] || fail "no desktop entry"
[ -f /usr/share/icons/hicolor/48x48/apps/cn.qidong.Desktop.png ] || fail "no icon"
grep -q '^/etc/qidong/hub.conf$' /var/lib/dpkg/info/qidong-hub.conffiles ||
    fail "hub.conf is not a conffile"

say "a user's settings and keychain entry, then the upgrade to $next"
export HOME="$work/home"
mkdir -p "$HOME/.config/Qidong"
# Written in the layout before settings migrations (one voice-processing
# switch, turned off): the upgraded desktop must carry the choice over.
printf '[signIn]\nhubUrl=ws://hub.example.cn:8470\nusername=li.na\n[audio]\nvoiceProcessing=false\n' \
    > "$HOME/.config/Qidong/qidong-desktop.conf"
have_keyring=no
if command -v secret-tool >/dev/null && [ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
    printf 'refresh-token-of-li.na' |
        secret-tool store --label=qidong-desktop server qidong-desktop user li.na type plaintext
    have_keyring=yes
fi
printf '# an administrator changed this\nlisten = 127.0.0.1:9470\n' >> /etc/qidong/hub.conf
dpkg -i --force-confold "$work/n1"/qidong-hub_${next}_*.deb "$work/n1"/qidong-desktop_${next}_*.deb
[ "$(dpkg-query -W -f='${Version}' qidong-desktop)" = $next ] || fail "not upgraded"
[ "$(dpkg-query -W -f='${Version}' qidong-hub)" = $next ] || fail "hub not upgraded"
grep -q 'hubUrl=ws://hub.example.cn:8470' "$HOME/.config/Qidong/qidong-desktop.conf" ||
    fail "settings lost in the upgrade"
grep -q '127.0.0.1:9470' /etc/qidong/hub.conf || fail "the administrator's hub.conf was replaced"
# The upgraded desktop's first start migrates the settings (it waits at the
# sign-in, the hub being elsewhere, and is closed then).
/usr/bin/qidong-desktop > "$work/desktop.log" 2>&1 &
desktop=$!
settings="$HOME/.config/Qidong/qidong-desktop.conf"
for _ in $(seq 1 100); do
    grep -q '^version=1' "$settings" && break
    sleep 0.1
done
kill "$desktop" 2>/dev/null || true
wait "$desktop" 2>/dev/null || true
grep -q '^version=1' "$settings" || fail "the settings were not migrated: $(cat "$work/desktop.log")"
grep -q '^echoCancellation=false' "$settings" && grep -q '^gainControl=false' "$settings" &&
    ! grep -q 'voiceProcessing' "$settings" || fail "the voice-processing choice was lost: $(cat "$settings")"
grep -q 'hubUrl=ws://hub.example.cn:8470' "$settings" || fail "the migration lost the hub address"
if [ "$have_keyring" = yes ]; then
    [ "$(secret-tool lookup server qidong-desktop user li.na)" = refresh-token-of-li.na ] ||
        fail "keychain entry lost"
else
    fail "no Secret Service session (run under tools/test)"
fi

say "purging"
dpkg --purge qidong-desktop qidong-hub
left=""
while read -r path; do
    case "$path" in /. | /etc | /lib | /lib/systemd | /lib/systemd/system | /usr | /usr/* ) ;; esac
    [ -e "$path" ] || continue
    [ -d "$path" ] && [ -n "$(ls -A "$path" 2>/dev/null)" ] && continue # shared, in use
    [ -d "$path" ] && case "$path" in /etc/qidong | /usr/share/doc/qidong-*) ;; *) continue ;; esac
    left="$left $path"
done < "$work/files"
[ -z "$left" ] || fail "left behind:$left"
[ ! -e /etc/qidong/hub.conf ] || fail "hub.conf survived the purge"
say "packages OK"
