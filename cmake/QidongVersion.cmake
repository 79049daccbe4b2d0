# The version comes from one place: project(VERSION) plus `git describe`
# when building from a checkout.
set(QIDONG_VERSION_STRING "${PROJECT_VERSION}")
find_package(Git QUIET)
if(GIT_FOUND AND EXISTS "${PROJECT_SOURCE_DIR}/.git")
    execute_process(
        COMMAND "${GIT_EXECUTABLE}" describe --always --dirty --tags
        WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
        OUTPUT_VARIABLE QIDONG_GIT_DESCRIBE
        OUTPUT_STRIP_TRAILING_WHITESPACE
        ERROR_QUIET)
    if(QIDONG_GIT_DESCRIBE)
        set(QIDONG_VERSION_STRING "${PROJECT_VERSION}+${QIDONG_GIT_DESCRIBE}")
    endif()
endif()
