# Packages from the install tree (`cpack` in a build directory, or
# tools/package): qidong-desktop for agent PCs and qidong-hub for servers,
# as DEB and RPM with their runtime dependencies computed from the binaries. The version is the project's (QidongVersion.cmake).
set(CPACK_PACKAGE_NAME "qidong")
set(CPACK_PACKAGE_VENDOR "Qidong")
set(CPACK_PACKAGE_CONTACT "Qidong packaging <packaging@qidong.cn>")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://qidong.cn/")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Contact center agent desktop and engagement hub")
set(CPACK_PACKAGE_VERSION "${QIDONG_PACKAGE_VERSION}")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)
set(CPACK_COMPONENTS_ALL desktop hub)
set(CPACK_COMPONENT_DESKTOP_DISPLAY_NAME "Qidong agent desktop")
set(CPACK_COMPONENT_DESKTOP_DESCRIPTION
    "Contact center agent desktop\nOne native window where an agent takes calls, chats and social\nmessages, sees the whole customer, finds the answer and wraps up;\nteam leads watch the floor, monitor and review quality.")
set(CPACK_COMPONENT_HUB_DISPLAY_NAME "Qidong engagement hub")
set(CPACK_COMPONENT_HUB_DESCRIPTION
    "Contact center engagement hub\nThe server the desktops talk to: sessions, routing, chat, call\nmedia and recording, the customer page and the ingest API; runs as\nthe qidong-hub systemd service.")

# Debian
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION "net")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_DESKTOP_PACKAGE_NAME "qidong-desktop")
set(CPACK_DEBIAN_HUB_PACKAGE_NAME "qidong-hub")
set(CPACK_DEBIAN_DESKTOP_PACKAGE_SECTION "net")
set(CPACK_DEBIAN_HUB_PACKAGE_SECTION "net")
# PulseAudio (or PipeWire's) carries call audio; the keychain remembers sign-ins.
set(CPACK_DEBIAN_DESKTOP_PACKAGE_RECOMMENDS "pulseaudio | pipewire-pulse, gnome-keyring")
set(CPACK_DEBIAN_HUB_PACKAGE_DEPENDS "adduser")
set(CPACK_DEBIAN_DESKTOP_PACKAGE_CONTROL_EXTRA
    "${PROJECT_SOURCE_DIR}/packaging/debian/desktop/postinst;${PROJECT_SOURCE_DIR}/packaging/debian/desktop/postrm")
set(CPACK_DEBIAN_HUB_PACKAGE_CONTROL_EXTRA
    "${PROJECT_SOURCE_DIR}/packaging/debian/hub/postinst;${PROJECT_SOURCE_DIR}/packaging/debian/hub/prerm;${PROJECT_SOURCE_DIR}/packaging/debian/hub/postrm;${PROJECT_SOURCE_DIR}/packaging/debian/hub/conffiles")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

# RPM
set(CPACK_RPM_COMPONENT_INSTALL ON)
set(CPACK_RPM_PACKAGE_RELOCATABLE OFF) # /etc and the unit have their places
set(CPACK_RPM_FILE_NAME RPM-DEFAULT)
set(CPACK_RPM_PACKAGE_LICENSE "Proprietary")
set(CPACK_RPM_DESKTOP_PACKAGE_NAME "qidong-desktop")
set(CPACK_RPM_HUB_PACKAGE_NAME "qidong-hub")
set(CPACK_RPM_HUB_USER_FILELIST "%config(noreplace) /etc/qidong/hub.conf")
set(CPACK_RPM_HUB_POST_INSTALL_SCRIPT_FILE "${PROJECT_SOURCE_DIR}/packaging/rpm/hub-post.sh")
set(CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
    /etc /lib /lib/systemd /lib/systemd/system /usr/lib/sysusers.d /usr/share/applications
    /usr/share/icons /usr/share/icons/hicolor /usr/share/metainfo /usr/share/doc)

# Windows has its own installer (packaging/windows, NSIS around windeployqt).
if(UNIX AND NOT APPLE)
    set(CPACK_GENERATOR "DEB;RPM")
    include(CPack)
endif()
