# The `pot` target: refresh hrc-player.pot from the sources, then merge it
# into every LANG.po so that new strings show up there untranslated.
#   cmake -DXGETTEXT=... -DMSGMERGE=... -DSOURCE_DIR=... -DWORK_DIR=... -P update-pot.cmake
include("${CMAKE_CURRENT_LIST_DIR}/pot.cmake")

set(pot "${SOURCE_DIR}/locale/hrc-player.pot")
set(fresh "${WORK_DIR}/hrc-player.pot")
hrc_extract_strings("${XGETTEXT}" "${SOURCE_DIR}" "${fresh}")

# Keep the committed file when only its date would change.
hrc_read_pot_without_date("${pot}" old)
hrc_read_pot_without_date("${fresh}" new)
if(old STREQUAL new)
  message(STATUS "hrc-player.pot is up to date")
else()
  file(COPY_FILE "${fresh}" "${pot}")
  message(STATUS "Updated locale/hrc-player.pot")
endif()

file(GLOB po_files "${SOURCE_DIR}/locale/*.po")
foreach(po ${po_files})
  execute_process(
    COMMAND "${MSGMERGE}" --quiet --update --backup=none --previous
            --sort-output --add-location=file "${po}" "${pot}"
    RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "msgmerge failed on ${po}")
  endif()
  get_filename_component(name "${po}" NAME)
  message(STATUS "Merged into locale/${name}")
endforeach()
