# Hostile inputs: the loader against attacks and broken files, in-process
# and through `hrc-player --validate`. Fixtures: tests/data/hostile/.
hrc_unit_test(test_hostile_load
  SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/hostile/test_hostile_load.c LIBS hrc_io)
hrc_unit_test(test_hostile_cli
  SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/hostile/test_hostile_cli.c)
target_compile_definitions(test_hostile_cli PRIVATE HRC_PLAYER="$<TARGET_FILE:hrc-player>")
add_dependencies(test_hostile_cli hrc-player)
# Every input is bounded: a hang here is a regression, not a slow machine.
set_tests_properties(test_hostile_load test_hostile_cli PROPERTIES TIMEOUT 120)
hrc_unit_test(test_hostile_scale
  SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/hostile/test_hostile_scale.c LIBS hrc_io)
# Linear work takes seconds here even under ASan; quadratic work, minutes.
set_tests_properties(test_hostile_scale PROPERTIES TIMEOUT 60)
