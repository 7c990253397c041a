# Every screen of the bundled course in each interface language: nothing
# clipped at any supported size, no French line starting with ; : ! ? », the
# interface and course text in the language chosen, and switching language at
# run time from the settings screen.
hrc_unit_test(test_languages SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/unit/test_languages.c
              ${CMAKE_CURRENT_SOURCE_DIR}/unit/screens_harness.c LIBS hrc_screens hrc_io)
# Reads the catalogues compiled into the build tree, as hrc-player does.
target_compile_definitions(test_languages PRIVATE
  HRC_BUILD_EXE="${PROJECT_BINARY_DIR}/hrc-player")
if(TARGET translations)
  add_dependencies(test_languages translations)
endif()
# As on a build server whose only locale is C.UTF-8.
set_tests_properties(test_languages PROPERTIES ENVIRONMENT_MODIFICATION
  "LANG=set:C.UTF-8;LC_ALL=unset:;LC_MESSAGES=unset:;LANGUAGE=unset:")
