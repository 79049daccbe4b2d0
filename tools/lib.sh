# Shared by tools/demo and tools/test. POSIX sh; sourced, not run.

QIDONG_ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)

# Debian 12 / Ubuntu package names. Build: compiler, CMake and the whole
# stack the project is written against. Test: what headless tests run on.
QIDONG_BUILD_PACKAGES="g++ cmake ninja-build pkg-config git ca-certificates
 qt6-base-dev qt6-base-dev-tools qt6-websockets-dev qt6-multimedia-dev
 qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev qt6-charts-dev
 libqt6opengl6-dev
 qt6-httpserver-dev libqt6sql6-sqlite qtkeychain-qt6-dev libgl-dev
 libopus-dev libspeexdsp-dev libwebrtc-audio-processing-dev
 libsodium-dev libsqlite3-dev libxcb1-dev libxcb-keysyms1-dev
 fonts-wqy-microhei"
QIDONG_TEST_PACKAGES="xvfb xauth pulseaudio pulseaudio-utils gnome-keyring
 dbus dbus-bin libsecret-tools openssl procps chromium xdotool
 desktop-file-utils appstream lintian rpm dpkg-dev file nsis patchelf"

say() { printf '%s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Installs whichever of the named packages are missing. As root it runs
# apt-get itself; otherwise it prints the command to run and stops.
ensure_packages() {
    missing=""
    for package in "$@"; do
        status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
        case "$status" in
            *"install ok installed"*) ;;
            *) missing="$missing $package" ;;
        esac
    done
    [ -z "$missing" ] && return 0
    if ! command -v apt-get >/dev/null 2>&1; then
        die "these packages are missing and this system has no apt-get:$missing"
    fi
    if [ "$(id -u)" -ne 0 ]; then
        say "These Debian packages are missing:$missing" >&2
        say "Install them with:" >&2
        say "  sudo apt-get update && sudo apt-get install -y --no-install-recommends$missing" >&2
        say "then run this command again." >&2
        exit 1
    fi
    say "Installing:$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q || die "apt-get update failed"
    # shellcheck disable=SC2086 # the list is meant to split into words
    apt-get install -y -q --no-install-recommends $missing || die "apt-get install failed"
}

# Node.js and playwright-core (pinned in tests/e2e/package-lock.json) for
# the browser tests; Debian's chromium comes with the test packages.
ensure_browser_tooling() {
    if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
        ensure_packages nodejs npm
    fi
    if [ ! -d "$QIDONG_ROOT/tests/e2e/node_modules/playwright-core" ]; then
        say "Installing playwright-core into tests/e2e (npm ci)"
        (cd "$QIDONG_ROOT/tests/e2e" && npm ci --no-audit --no-fund --loglevel=error) \
            || die "npm ci in tests/e2e failed"
    fi
}

# Configures and builds one of the CMakePresets.json presets.
build_preset() {
    preset=$1
    cd "$QIDONG_ROOT" || die "cannot enter $QIDONG_ROOT"
    cmake --preset "$preset" >/dev/null || die "cmake configure ($preset) failed"
    cmake --build --preset "$preset" || die "build ($preset) failed"
}

# A PulseAudio that belongs to this run only, in $1 (a private runtime
# directory): a null speaker and microphone as defaults, so the softphone
# tests and benchmarks have sound devices on machines with no sound card.
# Sets PULSE_SERVER; stop it with `pactl exit`.
start_private_pulseaudio() {
    XDG_RUNTIME_DIR="$1" pulseaudio -n --daemonize=yes --exit-idle-time=-1 --disallow-exit \
        --log-target="file:$1/pulse.log" \
        -L "module-native-protocol-unix auth-anonymous=1" \
        -L "module-null-sink sink_name=qidong_speaker" \
        -L "module-null-source source_name=qidong_mic" \
        -L "module-always-sink" >/dev/null 2>&1 \
        || die "could not start PulseAudio; see $1/pulse.log"
    export PULSE_SERVER="unix:$1/pulse/native"
    pactl set-default-sink qidong_speaker >/dev/null 2>&1 || true
    pactl set-default-source qidong_mic >/dev/null 2>&1 || true
}
