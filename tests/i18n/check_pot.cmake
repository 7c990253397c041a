# Fails when locale/hrc-player.pot no longer matches the strings marked in
# the sources: someone added or changed a string without `make pot`.
#   cmake -DXGETTEXT=... -DSOURCE_DIR=... -DWORK_DIR=... -P check_pot.cmake
include("${SOURCE_DIR}/locale/pot.cmake")

set(pot "${SOURCE_DIR}/locale/hrc-player.pot")
set(fresh "${WORK_DIR}/hrc-player.fresh.pot")
file(MAKE_DIRECTORY "${WORK_DIR}")
hrc_extract_strings("${XGETTEXT}" "${SOURCE_DIR}" "${fresh}")

hrc_read_pot_without_date("${pot}" committed)
hrc_read_pot_without_date("${fresh}" current)
if(NOT committed STREQUAL current)
  execute_process(COMMAND diff -u "${pot}" "${fresh}")
  message(FATAL_ERROR
    "locale/hrc-player.pot is out of date with the sources (diff above).\n"
    "Run `make pot`, translate the new strings in locale/*.po and commit them.")
endif()
message(STATUS "locale/hrc-player.pot matches the sources")
