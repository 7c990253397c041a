# The progress store: unit tests, a driver for crash and disk tests, and the
# command line's export, import and facilitator PIN.
set(progress_dir ${CMAKE_CURRENT_SOURCE_DIR}/progress)
set(progress_work ${CMAKE_CURRENT_BINARY_DIR}/progress-work)

hrc_unit_test(test_progress_store SOURCES ${progress_dir}/test_progress_store.c LIBS hrc_io)
# The rule for learners' names (player/core/names.c), which the store applies.
hrc_unit_test(test_names SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/unit/test_names.c LIBS hrc_core)
hrc_unit_test(test_progress_exchange SOURCES ${progress_dir}/test_progress_exchange.c
              LIBS hrc_io)
# Groups, resets, merges and the class table (the trainer's session).
hrc_unit_test(test_progress_trainer SOURCES ${progress_dir}/test_progress_trainer.c
              LIBS hrc_io)
# Class lists from a trainer's spreadsheet (--import-class).
hrc_unit_test(test_progress_roster SOURCES ${progress_dir}/test_progress_roster.c LIBS hrc_io)

add_executable(progress_driver ${progress_dir}/progress_driver.c)
target_link_libraries(progress_driver PRIVATE hrc_io)

# SIGKILL at random moments, at least 200 times: no acknowledged answer lost.
add_test(NAME progress_crash
         COMMAND bash ${progress_dir}/crash.sh $<TARGET_FILE:progress_driver>
                 ${progress_work}/crash 200)
add_test(NAME progress_two_processes
         COMMAND bash ${progress_dir}/two_processes.sh $<TARGET_FILE:progress_driver>
                 ${progress_work}/two)
# Needs root to mount a small tmpfs; reports SKIPPED otherwise.
add_test(NAME progress_disk
         COMMAND bash ${progress_dir}/disk.sh $<TARGET_FILE:progress_driver>
                 ${progress_work}/disk $<TARGET_FILE:hrc-player>)
add_test(NAME progress_cli
         COMMAND bash ${progress_dir}/cli.sh $<TARGET_FILE:hrc-player>
                 $<TARGET_FILE:progress_driver> ${progress_work}/cli)
set_tests_properties(progress_crash progress_two_processes progress_disk progress_cli
                     PROPERTIES TIMEOUT 300 SKIP_RETURN_CODE 77)
set_tests_properties(progress_disk PROPERTIES RUN_SERIAL TRUE)

# Not a test: the figures of bench/progress/run-progress.sh.
add_executable(progress_bench ${PROJECT_SOURCE_DIR}/bench/progress/progress_bench.c)
target_link_libraries(progress_bench PRIVATE hrc_io)

# libFuzzer harness for the import's JSON reader (see tests/fuzz.cmake).
if(HRC_FUZZ)
  add_executable(fuzz_progress_json ${progress_dir}/fuzz_progress_json.c)
  target_link_libraries(fuzz_progress_json PRIVATE hrc_io)
  target_compile_options(fuzz_progress_json PRIVATE -fsanitize=fuzzer,address,undefined)
  target_link_options(fuzz_progress_json PRIVATE -fsanitize=fuzzer,address,undefined)
endif()

# Not a test: fills a store with a class that took a course (the report,
# certificate and dashboard tests, and bench/50-trainer.sh).
add_executable(class_seed ${progress_dir}/class_seed.c
               ${PROJECT_SOURCE_DIR}/player/app/sample_answer.c)
target_link_libraries(class_seed PRIVATE hrc_io PkgConfig::SQLITE3)

# The trainer's command line: class lists, the report and certificates as
# PDF (pdfinfo, pdftotext, pdftoppm, zbarimg), their verification.
add_test(NAME progress_paper
         COMMAND bash ${progress_dir}/paper.sh $<TARGET_FILE:hrc-player>
                 $<TARGET_FILE:class_seed> ${PROJECT_SOURCE_DIR}/courses/human-rights-cities
                 ${progress_work}/paper)
set_tests_properties(progress_paper PROPERTIES TIMEOUT 300 SKIP_RETURN_CODE 77)

# Not a test: the dashboard's figures for bench/50-trainer.py.
add_executable(trainer_bench ${PROJECT_SOURCE_DIR}/bench/trainer/trainer_bench.c)
target_include_directories(trainer_bench PRIVATE ${PROJECT_SOURCE_DIR}/bench)
target_link_libraries(trainer_bench PRIVATE hrc_io)
