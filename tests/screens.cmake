# Core UI logic and screens: quiz scoring, text layout, navigation, and the
# screens' geometry, driven by scripted input with fake text metrics.
hrc_unit_test(test_quiz SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/unit/test_quiz.c LIBS hrc_core)
hrc_unit_test(test_layout SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/unit/test_layout.c LIBS hrc_core)
hrc_unit_test(test_nav SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/unit/test_nav.c
              ${CMAKE_CURRENT_SOURCE_DIR}/unit/screens_harness.c LIBS hrc_screens hrc_io)
hrc_unit_test(test_screens SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/unit/test_screens.c
              ${CMAKE_CURRENT_SOURCE_DIR}/unit/screens_harness.c LIBS hrc_screens hrc_io)
# What a learner feels: attempts kept, ticks from the record, completion,
# keys and focus, drag feedback.
hrc_unit_test(test_learner SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/unit/test_learner.c
               ${CMAKE_CURRENT_SOURCE_DIR}/unit/screens_harness.c LIBS hrc_screens hrc_io)
# The quiz after its design review: missed answers told apart, rows that
# never move, one verdict, a labelled progress bar, Start over out of the way.
hrc_unit_test(test_quiz_screens SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/unit/test_quiz_screens.c
              ${CMAKE_CURRENT_SOURCE_DIR}/unit/screens_harness.c LIBS hrc_screens hrc_io)
# Trust on a shared kiosk, on screen: sign-in by name and PIN, throttling
# with a countdown on a fake clock, sign-up, PIN resets, the kiosk's first
# start and the facilitator's settings, with a real progress store.
hrc_unit_test(test_signin SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/unit/test_signin.c
              ${CMAKE_CURRENT_SOURCE_DIR}/unit/screens_harness.c LIBS hrc_screens hrc_io)
# Fill-in and numeric questions, pools and timeline periods as a learner
# meets them, by keyboard and by pointer, across a restart.
hrc_unit_test(test_additions SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/unit/test_additions.c
              ${CMAKE_CURRENT_SOURCE_DIR}/unit/screens_harness.c LIBS hrc_screens hrc_io)
# Presenter mode: the questions a group got wrong on a projector, with a real
# progress store: the order, the steps, the bars, the blank screen, keyboard
# and touch, every size.
hrc_unit_test(test_present SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/unit/test_present.c
              ${CMAKE_CURRENT_SOURCE_DIR}/unit/screens_harness.c LIBS hrc_screens hrc_io)
