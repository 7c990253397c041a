# The SDL back end: draw-list replay and input mapping with no display,
# --render on a fixture course, and an end-to-end run under Xvfb.
hrc_unit_test(test_sdl_gfx SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/unit/test_sdl_gfx.c
              LIBS hrc_sdl)
set_tests_properties(test_sdl_gfx PROPERTIES ENVIRONMENT "SDL_VIDEODRIVER=dummy")
hrc_unit_test(test_sdl_input SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/unit/test_sdl_input.c
              LIBS hrc_sdl)

add_test(NAME sdl_render_smoke
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/e2e/render_smoke.sh
                 $<TARGET_FILE:hrc-player> ${HRC_TEST_DATA})
set_tests_properties(sdl_render_smoke PROPERTIES TIMEOUT 120)
add_test(NAME sdl_render_course
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/e2e/render_course.sh
                 $<TARGET_FILE:hrc-player> ${PROJECT_SOURCE_DIR}/courses/human-rights-cities)
set_tests_properties(sdl_render_course PROPERTIES TIMEOUT 120)
# The kiosk's own screens, with a throwaway store.
add_test(NAME sdl_render_kiosk
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/e2e/render_kiosk.sh
                 $<TARGET_FILE:hrc-player> ${PROJECT_SOURCE_DIR}/courses/human-rights-cities)
set_tests_properties(sdl_render_kiosk PROPERTIES TIMEOUT 120)
add_test(NAME sdl_no_display
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/e2e/no_display.sh
                 $<TARGET_FILE:hrc-player> ${PROJECT_SOURCE_DIR}/courses/human-rights-cities)
set_tests_properties(sdl_no_display PROPERTIES TIMEOUT 60)
# A real window under Xvfb, driven by xdotool; skipped without them.
add_test(NAME sdl_e2e_xvfb
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/e2e/xvfb_play.sh
                 $<TARGET_FILE:hrc-player> ${HRC_TEST_DATA})
set_tests_properties(sdl_e2e_xvfb PROPERTIES TIMEOUT 120 SKIP_RETURN_CODE 77)
# A kiosk's sign-in by name and PIN, and a wrong PIN throttled, in a real
# window under Xvfb.
add_test(NAME sdl_signin_xvfb
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/e2e/signin_xvfb.sh
                 $<TARGET_FILE:hrc-player> ${HRC_TEST_DATA})
set_tests_properties(sdl_signin_xvfb PROPERTIES TIMEOUT 120 SKIP_RETURN_CODE 77)

# The event loop itself, with random input pushed as SDL events.
hrc_unit_test(test_sdl_play SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/unit/test_sdl_play.c
              LIBS hrc_sdl)
set_tests_properties(test_sdl_play PROPERTIES ENVIRONMENT "SDL_VIDEODRIVER=dummy")

# A learner's walk by keyboard alone and by pointer alone, with a drag,
# in a real window under Xvfb; skipped without Xvfb, xdotool or ImageMagick.
add_test(NAME sdl_learner_xvfb
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/e2e/learner_xvfb.sh
                 $<TARGET_FILE:hrc-player> ${HRC_TEST_DATA})
set_tests_properties(sdl_learner_xvfb PROPERTIES TIMEOUT 180 SKIP_RETURN_CODE 77)
