# The portable tarball: qidong-desktop and qidong-hub with the Qt, codec
# and audio-processing libraries they need, for Linux desktops without our
# DEB or RPM (docs/packaging.md, "Portable tarball").
#
#   cmake -DBUILD_DIR=<configured, built tree> [-DOUTPUT_DIR=<dir>] -P MakePortable.cmake
#
# (`cmake --build <tree> --target portable` runs it into <tree>/packages.)
#
# Layout: bin/ (the programs and qt.conf), lib/ (bundled libraries),
# plugins/ (Qt plugins), share/ (desktop entry, icons, docs),
# etc/hub.conf.example, register-desktop.sh. Every bundled ELF file gets a
# RUNPATH relative to itself ($ORIGIN), so the tree runs from wherever it
# is unpacked, with no LD_LIBRARY_PATH that would leak into programs the
# desktop starts (a browser opening a link).
cmake_minimum_required(VERSION 3.21)

if(NOT BUILD_DIR)
    message(FATAL_ERROR "MakePortable.cmake: give -DBUILD_DIR=<build tree>")
endif()
include("${BUILD_DIR}/packaging/QidongPortableSettings.cmake") # written at configure time
if(NOT OUTPUT_DIR)
    set(OUTPUT_DIR "${BUILD_DIR}/packages")
endif()
find_program(PATCHELF patchelf REQUIRED)

execute_process(COMMAND uname -m OUTPUT_VARIABLE machine OUTPUT_STRIP_TRAILING_WHITESPACE
                COMMAND_ERROR_IS_FATAL ANY)
set(name "qidong-${QIDONG_PACKAGE_VERSION}-linux-${machine}")
set(work "${OUTPUT_DIR}/_portable")
set(stage "${work}/${name}")
set(installed "${work}/install")
file(REMOVE_RECURSE "${work}")
file(MAKE_DIRECTORY "${stage}/bin" "${stage}/lib" "${stage}/plugins" "${stage}/etc")

# What the packages install, into a scratch root: the unit, sysusers file
# and /etc land there too (absolute destinations), and are left out below.
foreach(component desktop hub)
    execute_process(
        COMMAND ${CMAKE_COMMAND} -E env "DESTDIR=${installed}"
                ${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix /usr --component ${component}
                --strip
        OUTPUT_QUIET COMMAND_ERROR_IS_FATAL ANY)
endforeach()
file(COPY "${installed}/usr/bin/" DESTINATION "${stage}/bin" USE_SOURCE_PERMISSIONS)
file(COPY "${installed}/usr/share/" DESTINATION "${stage}/share")
file(COPY_FILE "${installed}/etc/qidong/hub.conf" "${stage}/etc/hub.conf.example")
file(COPY "${SOURCE_DIR}/packaging/portable/register-desktop.sh"
     DESTINATION "${stage}" USE_SOURCE_PERMISSIONS)
file(COPY_FILE "${SOURCE_DIR}/packaging/portable/README.portable" "${stage}/README")

# The Qt plugins the programs load: windows on X11 (and Wayland through
# XWayland), headless runs, input methods (ibus carries Chinese input),
# SVG icons and images, SQLite, TLS and network reachability. No media
# backend: Qt Multimedia's own PulseAudio support carries sound, and
# recordings are decoded with libopus (media::OggOpusStream).
set(plugins
    platforms/libqxcb.so platforms/libqoffscreen.so platforms/libqminimal.so
    xcbglintegrations/libqxcb-glx-integration.so xcbglintegrations/libqxcb-egl-integration.so
    platforminputcontexts/libcomposeplatforminputcontextplugin.so
    platforminputcontexts/libibusplatforminputcontextplugin.so
    iconengines/libqsvgicon.so
    imageformats/libqsvg.so imageformats/libqico.so imageformats/libqjpeg.so imageformats/libqgif.so
    sqldrivers/libqsqlite.so
    tls/libqopensslbackend.so tls/libqcertonlybackend.so
    networkinformation/libqnetworkmanager.so networkinformation/libqglib.so)
set(plugin_files)
foreach(plugin IN LISTS plugins)
    if(NOT EXISTS "${QT_PLUGIN_DIR}/${plugin}")
        message(FATAL_ERROR "Qt plugin ${QT_PLUGIN_DIR}/${plugin} is not installed")
    endif()
    get_filename_component(kind "${plugin}" DIRECTORY)
    file(COPY "${QT_PLUGIN_DIR}/${plugin}" DESTINATION "${stage}/plugins/${kind}")
    list(APPEND plugin_files "${stage}/plugins/${plugin}")
endforeach()
file(WRITE "${stage}/bin/qt.conf" "[Paths]\nPrefix = ..\nPlugins = plugins\n")

# Libraries the system is expected to provide, never bundled:
#  - the C library and the compiler's runtime: a newer one on a newer
#    system runs our binaries, an older bundled one would break the GPU
#    driver and other system plugins loaded into the process;
#  - interfaces to the system's own services and drivers, whose library
#    must match the service: GL / EGL / Vulkan / VA-API / VDPAU / OpenCL,
#    X11 and the XCB core, Wayland, fonts (fontconfig's configuration
#    format), D-Bus, systemd / udev, ALSA and PulseAudio (PipeWire serves
#    the same client library), GLib (shared with the desktop's own
#    plugins), Kerberos;
#  - the general libraries those system libraries bring themselves
#    (compression, libgcrypt, libffi, libbsd, libuuid): one copy, the
#    system's, serves both;
#  - OpenSSL: Qt loads libssl.so.3 at run time, and the system's copy
#    gets the security updates.
set(system_libraries
    "^ld-linux" "^linux-vdso" "^libc\\.so" "^libm\\.so" "^libmvec\\.so" "^libdl\\.so"
    "^libpthread\\.so" "^librt\\.so" "^libresolv\\.so" "^libutil\\.so" "^libanl\\.so"
    "^libstdc\\+\\+\\.so" "^libgcc_s\\.so" "^libatomic\\.so"
    "^libGL" "^libEGL" "^libOpenGL" "^libGLX" "^libGLdispatch" "^libgbm\\.so" "^libdrm"
    "^libvulkan" "^libva" "^libvdpau" "^libOpenCL"
    "^libX[A-Za-z0-9-]*\\.so" "^libxcb\\.so" "^libSM\\.so" "^libICE\\.so" "^libwayland-"
    "^libfontconfig" "^libfreetype" "^libharfbuzz" "^libexpat" "^libz\\.so"
    "^libdbus-1" "^libsystemd" "^libudev" "^libasound" "^libpulse"
    "^libglib-2" "^libgobject-2" "^libgio-2" "^libgmodule-2" "^libgthread-2"
    "^libgssapi" "^libkrb5" "^libk5crypto" "^libcom_err" "^libkeyutils"
    "^liblzma\\.so" "^libzstd\\.so" "^liblz4\\.so" "^libbz2\\.so" "^libgcrypt\\.so"
    "^libgpg-error\\.so" "^libffi\\.so" "^libbsd\\.so" "^libmd\\.so" "^libuuid\\.so"
    "^libcap\\.so"
    "^libssl\\.so" "^libcrypto\\.so")

file(GET_RUNTIME_DEPENDENCIES
    EXECUTABLES "${stage}/bin/qidong-desktop" "${stage}/bin/qidong-hub"
    MODULES ${plugin_files}
    PRE_EXCLUDE_REGEXES ${system_libraries}
    RESOLVED_DEPENDENCIES_VAR resolved
    UNRESOLVED_DEPENDENCIES_VAR unresolved
    CONFLICTING_DEPENDENCIES_PREFIX conflicting)
if(unresolved)
    message(FATAL_ERROR "Libraries not found on this machine: ${unresolved}")
endif()
foreach(library IN LISTS resolved)
    # The soname's own name, holding the real file (no symlink chains).
    get_filename_component(soname "${library}" NAME)
    file(REAL_PATH "${library}" real)
    file(COPY_FILE "${real}" "${stage}/lib/${soname}")
endforeach()

# RUNPATHs relative to each file, so nothing needs LD_LIBRARY_PATH.
function(set_runpath runpath)
    foreach(file IN LISTS ARGN)
        file(CHMOD "${file}" PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ
             GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
        execute_process(COMMAND "${PATCHELF}" --set-rpath "${runpath}" "${file}"
                        COMMAND_ERROR_IS_FATAL ANY)
    endforeach()
endfunction()
file(GLOB programs "${stage}/bin/qidong-*")
file(GLOB libraries "${stage}/lib/*.so*")
set_runpath("\$ORIGIN/../lib" ${programs})
set_runpath("\$ORIGIN" ${libraries})
set_runpath("\$ORIGIN/../../lib" ${plugin_files})

list(LENGTH resolved bundled)
set(tarball "${OUTPUT_DIR}/${name}.tar.gz")
file(REMOVE "${tarball}")
execute_process(COMMAND ${CMAKE_COMMAND} -E tar czf "${tarball}" "${name}"
                WORKING_DIRECTORY "${work}" COMMAND_ERROR_IS_FATAL ANY)
file(REMOVE_RECURSE "${work}")
file(SIZE "${tarball}" size)
math(EXPR megabytes "${size} / 1048576")
message(STATUS "Portable tarball: ${tarball} (${megabytes} MB, ${bundled} libraries bundled)")
