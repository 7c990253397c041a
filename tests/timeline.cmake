# The timeline screen on the bundled course.
hrc_unit_test(test_timeline SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/unit/test_timeline.c
              ${CMAKE_CURRENT_SOURCE_DIR}/unit/screens_harness.c LIBS hrc_screens hrc_io)
target_include_directories(test_timeline PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/unit)
