hrc_unit_test(test_model SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/unit/test_model.c LIBS hrc_core)
