# One INTERFACE target carries the language level, warnings-as-errors,
# sanitizers and Qt's safety defines. Every project target links it.
add_library(qidong_build_flags INTERFACE)
add_library(qidong::build_flags ALIAS qidong_build_flags)

target_compile_features(qidong_build_flags INTERFACE cxx_std_20)
target_compile_definitions(qidong_build_flags INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER
    QT_NO_FOREACH
    QT_NO_KEYWORDS
    QT_DISABLE_DEPRECATED_UP_TO=0x060400)

if(MSVC)
    target_compile_options(qidong_build_flags INTERFACE /W4 /WX /permissive- /utf-8)
else()
    target_compile_options(qidong_build_flags INTERFACE
        -Wall -Wextra -Wpedantic -Werror
        -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
        -Woverloaded-virtual -Wimplicit-fallthrough)
endif()

if(QIDONG_SANITIZE)
    if(MSVC)
        target_compile_options(qidong_build_flags INTERFACE /fsanitize=address)
    else()
        target_compile_options(qidong_build_flags INTERFACE
            -fsanitize=address,undefined -fno-sanitize-recover=undefined
            -fno-omit-frame-pointer)
        target_link_options(qidong_build_flags INTERFACE -fsanitize=address,undefined)
    endif()
endif()
