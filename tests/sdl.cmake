# The SDL back end: draw-list replay and input mapping with no display,
# --render on a fixture course, and an end-to-end run under Xvfb.
if(TARGET hrc_sdl)
  hrc_unit_test(test_sdl_gfx SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/unit/test_sdl_gfx.c
                LIBS hrc_sdl)
  set_tests_properties(test_sdl_gfx PROPERTIES ENVIRONMENT "SDL_VIDEODRIVER=dummy")
  hrc_unit_test(test_sdl_input SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/unit/test_sdl_input.c
                LIBS hrc_sdl)
endif()
