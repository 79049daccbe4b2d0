#!/bin/sh
# The Windows installer's NSIS script compiles (makensis runs on Linux too)
# around a stand-in staging folder: the real one comes from windeployqt on
# Windows, which nothing here can run. Checks the script, its pages,
# registry and settings code, not the Windows build.
set -eu
source_dir=$1
build_dir=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/qidong-nsis.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir "$work/stage"
printf 'stand-in for the Windows build\n' > "$work/stage/qidong-desktop.exe"
cp "$build_dir/packaging/qidong.ico" "$work/stage/qidong.ico"
makensis -V2 -DVERSION=0.1.0 -DSTAGING="$work/stage" -DOUTFILE="$work/setup.exe" \
    "$source_dir/packaging/windows/qidong-desktop.nsi"
[ -s "$work/setup.exe" ] || { echo "no installer written" >&2; exit 1; }
echo "the NSIS script compiles"
