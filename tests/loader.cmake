# The module loader and `hrc-player --validate`. Fixtures: tests/data/loader/.
hrc_unit_test(test_loader SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/unit/test_loader.c LIBS hrc_io)

add_test(NAME validate_cli
         COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/cli/validate.sh $<TARGET_FILE:hrc-player>
                 ${HRC_TEST_DATA}/loader)
set_tests_properties(validate_cli PROPERTIES TIMEOUT 60)
