# The facilitator screen and the progress store's problems on screen, with a
# real progress store in a temporary folder and a fake removable-drive tree.
hrc_unit_test(test_facilitator SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/unit/test_facilitator.c
              ${CMAKE_CURRENT_SOURCE_DIR}/unit/screens_harness.c LIBS hrc_screens hrc_io)
# A real kiosk window under Xvfb, driven by xdotool; skipped without them.
add_test(NAME facilitator_store_xvfb
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/facilitator/store_xvfb.sh
                 $<TARGET_FILE:hrc-player> ${HRC_TEST_DATA})
set_tests_properties(facilitator_store_xvfb PROPERTIES TIMEOUT 120 SKIP_RETURN_CODE 77)
# The trainer's screens (class dashboard, learner, groups, questions, paper,
# class list) on the bundled course with a class seeded by class_seed.c.
hrc_unit_test(test_dashboard SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/unit/test_dashboard.c
              ${CMAKE_CURRENT_SOURCE_DIR}/unit/screens_harness.c
              ${CMAKE_CURRENT_SOURCE_DIR}/progress/class_seed.c
              ${PROJECT_SOURCE_DIR}/player/app/sample_answer.c
              LIBS hrc_screens hrc_io PkgConfig::SQLITE3)
target_compile_definitions(test_dashboard PRIVATE CLASS_SEED_NO_MAIN)
target_include_directories(test_dashboard PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/progress)
# The trainer's dashboard in a real kiosk window: a learner's module reset
# by keyboard alone, then by pointer alone.
add_test(NAME facilitator_dashboard_xvfb
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/facilitator/dashboard_xvfb.sh
                 $<TARGET_FILE:hrc-player> $<TARGET_FILE:class_seed>
                 ${PROJECT_SOURCE_DIR}/courses/human-rights-cities)
set_tests_properties(facilitator_dashboard_xvfb PROPERTIES TIMEOUT 180 SKIP_RETURN_CODE 77)
# Presenter mode in a real window under Xvfb, driven as a presentation
# remote would (Page Down, Page Up, B, Escape) on a seeded class; skipped
# without Xvfb, xdotool or ImageMagick.
add_test(NAME facilitator_present_xvfb
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/facilitator/present_xvfb.sh
                 $<TARGET_FILE:hrc-player> $<TARGET_FILE:class_seed>
                 ${PROJECT_SOURCE_DIR}/courses/human-rights-cities)
set_tests_properties(facilitator_present_xvfb PROPERTIES TIMEOUT 180 SKIP_RETURN_CODE 77)
