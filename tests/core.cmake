hrc_unit_test(test_model SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/unit/test_model.c LIBS hrc_core)
# Item statistics (player/core/itemstats.c) on a log worked out by hand.
hrc_unit_test(test_itemstats SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/unit/test_itemstats.c
              LIBS hrc_core)
