# The facilitator screen and the progress store's problems on screen, with a
# real progress store in a temporary folder and a fake removable-drive tree.
if(TARGET hrc_screens)
  hrc_unit_test(test_facilitator SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/unit/test_facilitator.c
                ${CMAKE_CURRENT_SOURCE_DIR}/unit/screens_harness.c LIBS hrc_screens hrc_io)
endif()
