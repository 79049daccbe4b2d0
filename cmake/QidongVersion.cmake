# The version comes from one place: project(VERSION) plus `git describe`
# when building from a checkout. QIDONG_VERSION_OVERRIDE stands in for the
# project's version (the upgrade test builds a later release of the same tree).
set(QIDONG_VERSION_OVERRIDE "" CACHE STRING "Build as this version instead of the project's")
set(QIDONG_PACKAGE_VERSION "${PROJECT_VERSION}")
if(QIDONG_VERSION_OVERRIDE)
    set(QIDONG_PACKAGE_VERSION "${QIDONG_VERSION_OVERRIDE}")
endif()
set(QIDONG_VERSION_STRING "${QIDONG_PACKAGE_VERSION}")
find_package(Git QUIET)
if(GIT_FOUND AND EXISTS "${PROJECT_SOURCE_DIR}/.git")
    execute_process(
        COMMAND "${GIT_EXECUTABLE}" describe --always --dirty --tags
        WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
        OUTPUT_VARIABLE QIDONG_GIT_DESCRIBE
        OUTPUT_STRIP_TRAILING_WHITESPACE
        ERROR_QUIET)
    if(QIDONG_GIT_DESCRIBE)
        set(QIDONG_VERSION_STRING "${QIDONG_PACKAGE_VERSION}+${QIDONG_GIT_DESCRIBE}")
    endif()
endif()
