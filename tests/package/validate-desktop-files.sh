#!/bin/sh
# The desktop entry and the AppStream metadata pass their validators
# (desktop-file-validate; appstreamcli without the network), and every icon
# size was rendered from the SVG. Arguments: the source and build trees.
set -eu
source_dir=$1
build_dir=$2
desktop-file-validate "$source_dir/packaging/linux/cn.qidong.Desktop.desktop"
appstreamcli validate --no-net --pedantic "$build_dir/packaging/cn.qidong.Desktop.metainfo.xml"
for size in 16 22 24 32 48 64 128 256; do
    png="$build_dir/packaging/icons/$size/cn.qidong.Desktop.png"
    [ -s "$png" ] || { echo "missing icon: $png" >&2; exit 1; }
    # A PNG of the promised size: width and height at bytes 16..23.
    dims=$(od -An -tu1 -j16 -N8 "$png" | tr -s ' ' | sed 's/^ //')
    expected="0 0 $((size / 256)) $((size % 256)) 0 0 $((size / 256)) $((size % 256))"
    [ "$dims" = "$expected" ] || { echo "$png is not ${size}x${size}: $dims" >&2; exit 1; }
done
echo "desktop entry, metainfo and icons are valid"
