# Spoken guidance: the eSpeak NG engine (no audio device needed), the WAV
# writer of --render --speech, and speech through SDL's audio device with
# its "disk" driver standing in for a sound card.
set(speech_dir ${CMAKE_CURRENT_SOURCE_DIR}/speech)
set(speech_work ${CMAKE_CURRENT_BINARY_DIR}/speech-work)
file(MAKE_DIRECTORY ${speech_work})

# No sanitizer suppressions are needed: eSpeak NG (not instrumented) keeps
# what it allocates reachable from its globals until the process ends, and
# the thread it starts waits quietly; ASan, UBSan and LeakSanitizer find
# nothing in the engine's own code or at its boundary (checked under
# make test, and with -fsanitize=thread by hand).
hrc_unit_test(test_speech SOURCES ${speech_dir}/test_speech.c LIBS hrc_speech m)
hrc_unit_test(test_speech_load SOURCES ${speech_dir}/test_speech_load.c LIBS hrc_speech m)
hrc_unit_test(test_wav SOURCES ${speech_dir}/test_wav.c LIBS hrc_io)

if(TARGET hrc_sdl)
  hrc_unit_test(test_speech_audio SOURCES ${speech_dir}/test_speech_audio.c
                LIBS hrc_sdl m)
  set_tests_properties(test_speech_audio PROPERTIES
    ENVIRONMENT "SDL_AUDIODRIVER=disk;HRC_SPEECH_WORK=${speech_work}")
endif()

# Spoken guidance from the app's frames to the device, as the window plays it.
if(TARGET hrc_sdl)
  hrc_unit_test(test_voice SOURCES ${speech_dir}/test_voice.c
                ${CMAKE_SOURCE_DIR}/tests/unit/screens_harness.c LIBS hrc_sdl hrc_screens m)
  target_include_directories(test_voice PRIVATE ${CMAKE_SOURCE_DIR}/tests/unit)
  target_compile_definitions(test_voice PRIVATE HRC_BUILD_EXE="${PROJECT_BINARY_DIR}/hrc-player")
  if(TARGET translations)
    add_dependencies(test_voice translations)
  endif()
  set_tests_properties(test_voice PROPERTIES
    ENVIRONMENT "SDL_AUDIODRIVER=disk;HRC_SPEECH_WORK=${speech_work}")
endif()

# Not a test: the figures of bench/40-speech.sh.
if(TARGET hrc_sdl)
  add_executable(speech_bench ${PROJECT_SOURCE_DIR}/bench/speech/speech_bench.c)
  target_link_libraries(speech_bench PRIVATE hrc_sdl m)
  target_include_directories(speech_bench PRIVATE ${PROJECT_SOURCE_DIR}/bench)
  # ... and of bench/42-speech-ui.sh: a key press to the first sample.
  add_executable(speech_ui_bench ${PROJECT_SOURCE_DIR}/bench/speech/speech_ui_bench.c)
  target_link_libraries(speech_ui_bench PRIVATE hrc_sdl hrc_screens hrc_io m)
  target_include_directories(speech_ui_bench PRIVATE ${PROJECT_SOURCE_DIR}/bench)
endif()

# What spoken guidance says, screen by screen, with no audio: the fixture
# course (behaviours), and every screen of the bundled course in English,
# French and Spanish by keyboard walk.
hrc_unit_test(test_spoken SOURCES ${CMAKE_SOURCE_DIR}/tests/unit/test_spoken.c
              ${CMAKE_SOURCE_DIR}/tests/unit/screens_harness.c LIBS hrc_screens hrc_io)
target_compile_definitions(test_spoken PRIVATE HRC_BUILD_EXE="${PROJECT_BINARY_DIR}/hrc-player")
if(TARGET translations)
  add_dependencies(test_spoken translations)
endif()
set_tests_properties(test_spoken PROPERTIES ENVIRONMENT_MODIFICATION
  "LANG=set:C.UTF-8;LC_ALL=unset:;LC_MESSAGES=unset:;LANGUAGE=unset:")
hrc_unit_test(test_spoken_course SOURCES ${CMAKE_SOURCE_DIR}/tests/unit/test_spoken_course.c
              ${CMAKE_SOURCE_DIR}/tests/unit/screens_harness.c LIBS hrc_screens hrc_io)
target_compile_definitions(test_spoken_course PRIVATE
  HRC_BUILD_EXE="${PROJECT_BINARY_DIR}/hrc-player")
if(TARGET translations)
  add_dependencies(test_spoken_course translations)
endif()
set_tests_properties(test_spoken_course PROPERTIES ENVIRONMENT_MODIFICATION
  "LANG=set:C.UTF-8;LC_ALL=unset:;LC_MESSAGES=unset:;LANGUAGE=unset:")

# --render --speech: a .txt and a .wav next to every screen, checked.
add_test(NAME speech_render
         COMMAND ${CMAKE_SOURCE_DIR}/tests/e2e/render_speech.sh
                 $<TARGET_FILE:hrc-player> ${PROJECT_SOURCE_DIR}/courses/human-rights-cities)
set_tests_properties(speech_render PROPERTIES TIMEOUT 300)

# The real window under Xvfb, keys by xdotool, sound to a file; skipped
# (77) without Xvfb or xdotool.
add_test(NAME speech_xvfb
         COMMAND ${CMAKE_SOURCE_DIR}/tests/e2e/xvfb_speech.sh
                 $<TARGET_FILE:hrc-player> ${HRC_TEST_DATA})
set_tests_properties(speech_xvfb PROPERTIES TIMEOUT 120 SKIP_RETURN_CODE 77)
