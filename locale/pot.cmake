# Helpers shared by the `pot` target (update-pot.cmake) and the test that
# the committed template is fresh (tests/i18n/check_pot.cmake), so that both
# extract strings in exactly the same way.

# Writes every marked string of SOURCE_DIR/player into OUTPUT. Locations
# name the file but not the line: moving code leaves the template alone,
# adding or changing a string does not.
function(hrc_extract_strings xgettext source_dir output)
  file(GLOB_RECURSE sources RELATIVE "${source_dir}"
       "${source_dir}/player/*.c" "${source_dir}/player/*.h")
  list(SORT sources)
  execute_process(
    COMMAND "${xgettext}"
            --language=C --from-code=UTF-8
            --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2
            --keyword=ngettext:1,2 --keyword=hrc_pgettext:1c,2
            --keyword=hrc_npgettext:1c,2,3
            --flag=hrc_npgettext:2:c-format --flag=hrc_npgettext:3:c-format
            --add-comments=TRANSLATORS:
            --package-name=hrc-player --msgid-bugs-address=
            --sort-output --add-location=file
            --output=${output}
            ${sources}
    WORKING_DIRECTORY "${source_dir}"
    RESULT_VARIABLE result
    ERROR_VARIABLE errors)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "xgettext failed:\n${errors}")
  endif()
endfunction()

# Reads a .pot without its POT-Creation-Date line, which changes on every run.
function(hrc_read_pot_without_date file out_var)
  if(EXISTS "${file}")
    file(READ "${file}" text)
    string(REGEX REPLACE "\"POT-Creation-Date:[^\n]*\n" "" text "${text}")
  else()
    set(text "")
  endif()
  set(${out_var} "${text}" PARENT_SCOPE)
endfunction()
