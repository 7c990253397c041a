# Interface languages: catalogue completeness, template freshness, run-time
# switching and dates in every language.
find_package(Gettext REQUIRED)
find_program(HRC_XGETTEXT xgettext REQUIRED)
find_program(HRC_MSGATTRIB msgattrib REQUIRED)
find_program(HRC_MSGCMP msgcmp REQUIRED)

set(i18n_scripts "${CMAKE_CURRENT_SOURCE_DIR}/i18n")

add_test(NAME i18n_pot_fresh
  COMMAND ${CMAKE_COMMAND} -DXGETTEXT=${HRC_XGETTEXT} -DSOURCE_DIR=${PROJECT_SOURCE_DIR}
          -DWORK_DIR=${CMAKE_CURRENT_BINARY_DIR}/i18n -P ${i18n_scripts}/check_pot.cmake)

file(GLOB i18n_po_files CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/locale/*.po")
foreach(po ${i18n_po_files})
  get_filename_component(lang "${po}" NAME_WE)
  add_test(NAME i18n_po_complete_${lang}
    COMMAND ${CMAKE_COMMAND} -DMSGFMT=${GETTEXT_MSGFMT_EXECUTABLE} -DMSGCMP=${HRC_MSGCMP}
            -DMSGATTRIB=${HRC_MSGATTRIB} -DPO=${po}
            -DPOT=${PROJECT_SOURCE_DIR}/locale/hrc-player.pot
            -P ${i18n_scripts}/check_po.cmake)
endforeach()

# Reads the catalogues compiled into the build tree, as hrc-player does.
hrc_unit_test(test_i18n SOURCES unit/test_i18n.c LIBS hrc_io)
target_compile_definitions(test_i18n PRIVATE
  HRC_BUILD_EXE="${PROJECT_BINARY_DIR}/hrc-player")
if(TARGET translations)
  add_dependencies(test_i18n translations)
endif()
# As on a build server whose only locale is C.UTF-8.
set_tests_properties(test_i18n PROPERTIES ENVIRONMENT_MODIFICATION
  "LANG=set:C.UTF-8;LC_ALL=unset:;LC_MESSAGES=unset:;LANGUAGE=unset:")
