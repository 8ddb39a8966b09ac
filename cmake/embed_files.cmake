# kaowu_embed_files(VAR BASE FILE...): C++ initialisers {"FILE", std::string_view("\x..", N)},
# one per file below BASE, for a table of files embedded in the binary. Bytes are written as \x
# escapes, so any file fits; each file (and BASE) becomes a configure dependency.
function(kaowu_embed_files var base)
  set(entries "")
  foreach(file ${ARGN})
    file(READ ${base}/${file} hex HEX)
    string(LENGTH "${hex}" hex_length)
    math(EXPR bytes "${hex_length} / 2")
    string(REGEX REPLACE "(..)" "\\\\x\\1" escaped "${hex}")
    string(APPEND entries "{\"${file}\", std::string_view(\"${escaped}\", ${bytes})},\n")
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${base}/${file})
  endforeach()
  set(${var} "${entries}" PARENT_SCOPE)
endfunction()
