# Builds the Windows installer of qidong-desktop (docs/packaging.md,
# "Windows"): a Release build, windeployqt beside the program, then NSIS.
# Run in a "Developer PowerShell for VS" with Qt 6 (MSVC 64-bit), CMake,
# Ninja and NSIS on PATH, and the dependencies (QtKeychain, opus, speexdsp,
# webrtc-audio-processing, libopusenc) where CMake finds them (vcpkg:
# -DCMAKE_TOOLCHAIN_FILE=...\vcpkg.cmake). Not run on this project's Linux
# CI: nothing there can run Windows.
param(
    [string]$Build = "build\windows",
    [string]$Stage = "build\windows\stage",
    [string]$CMakeArgs = ""
)
$ErrorActionPreference = "Stop"
$root = Resolve-Path "$PSScriptRoot\..\.."
cmake -S $root -B $Build -G Ninja -DCMAKE_BUILD_TYPE=Release -DQIDONG_BUILD_TESTS=OFF $CMakeArgs
cmake --build $Build --target qidong-desktop qidong-icons
$version = (Select-String -Path "$Build\CMakeCache.txt" -Pattern '^CMAKE_PROJECT_VERSION:STATIC=(.*)$').Matches[0].Groups[1].Value
Remove-Item -Recurse -Force $Stage -ErrorAction SilentlyContinue
New-Item -ItemType Directory $Stage | Out-Null
Copy-Item "$Build\app\qidong-desktop.exe" $Stage
Copy-Item "$Build\packaging\qidong.ico" $Stage
# The Qt libraries, plugins (platform, multimedia for the audio devices, TLS) and
# translations the program needs, beside it.
windeployqt --release --no-compiler-runtime --translations zh_CN,en "$Stage\qidong-desktop.exe"
# The other DLLs the program links (vcpkg puts them beside the build).
Get-ChildItem "$Build\app\*.dll" | Copy-Item -Destination $Stage
makensis /DVERSION=$version /DSTAGING=$((Resolve-Path $Stage).Path) "$PSScriptRoot\qidong-desktop.nsi"
