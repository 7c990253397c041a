# The bundled course, courses/human-rights-cities: it must pass
# `hrc-player --validate` with no error and no warning, every module must ask
# for at least English and French (so that a missing translation is a
# warning; the modules also carry Spanish), and it
# must keep the quiz coverage the course promises, with every quiz shuffled.
#
# This file is both included by tests/CMakeLists.txt (to register the test)
# and run by the test itself with `cmake -P` (the checks below).

if(NOT CMAKE_SCRIPT_MODE_FILE)
  add_test(NAME course_validates
    COMMAND ${CMAKE_COMMAND}
            -DHRC_PLAYER=$<TARGET_FILE:hrc-player>
            -DCOURSE_DIR=${PROJECT_SOURCE_DIR}/courses/human-rights-cities
            -P ${CMAKE_CURRENT_LIST_FILE})
  # Untranslated messages, so that the summary line can be read below.
  set_tests_properties(course_validates PROPERTIES
    TIMEOUT 60
    ENVIRONMENT_MODIFICATION "LC_ALL=set:C.UTF-8;LANGUAGE=unset:;LANG=set:C.UTF-8")
  return()
endif()

# ---- Script mode: the checks -------------------------------------------

set(min_modules 4)
set(min_questions 25)
set(question_kinds single multiple truefalse ordering matching fillin numeric)

file(GLOB modules "${COURSE_DIR}/*.xml")
list(LENGTH modules n_modules)
if(n_modules LESS min_modules)
  message(FATAL_ERROR "expected at least ${min_modules} modules in ${COURSE_DIR}, "
                      "found ${n_modules}")
endif()

execute_process(
  COMMAND "${HRC_PLAYER}" --validate "${COURSE_DIR}"
  RESULT_VARIABLE rc
  OUTPUT_VARIABLE out
  ERROR_VARIABLE err)

# Any diagnostic at all fails the test, whatever the exit status says.
string(REGEX MATCHALL "[^\n]*(error|warning):[^\n]*" problems "${out}\n${err}")
if(problems)
  string(REPLACE ";" "\n" problems "${problems}")
  message(FATAL_ERROR "the bundled course has problems:\n${problems}")
endif()
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "hrc-player --validate exited with ${rc}\n${out}${err}")
endif()

# The summary must account for every module: none skipped, none invalid.
if(NOT out MATCHES "([0-9]+) files? checked: ([0-9]+) valid, 0 invalid, 0 errors, 0 warnings")
  message(FATAL_ERROR "unexpected summary from hrc-player --validate:\n${out}${err}")
endif()
if(NOT CMAKE_MATCH_1 EQUAL n_modules OR NOT CMAKE_MATCH_2 EQUAL n_modules)
  message(FATAL_ERROR "${n_modules} modules on disk, but the summary says: ${out}")
endif()

# Without languages="en fr" the validator would not warn about a missing
# French text, so the zero-warning result above would prove nothing.
set(n_questions 0)
set(n_partial_multiple 0)
foreach(kind ${question_kinds})
  set(n_${kind} 0)
endforeach()
foreach(module ${modules})
  file(READ "${module}" xml)
  if(NOT xml MATCHES "<module[^>]*languages=\"en fr")
    message(FATAL_ERROR "${module}: the module must declare languages=\"en fr\"")
  endif()
  # Unshuffled, a quiz could be passed by remembering positions.
  string(REGEX MATCHALL "<quiz [^>]*>" quizzes "${xml}")
  foreach(quiz ${quizzes})
    if(NOT quiz MATCHES "shuffle=\"yes\"")
      message(FATAL_ERROR "${module}: every quiz of the bundled course must be shuffled: ${quiz}")
    endif()
  endforeach()
  string(REGEX MATCHALL "<multiple [^>]*scoring=\"partial\"" found "${xml}")
  list(LENGTH found n)
  math(EXPR n_partial_multiple "${n_partial_multiple} + ${n}")
  foreach(kind ${question_kinds})
    string(REGEX MATCHALL "<${kind} " found "${xml}")
    list(LENGTH found n)
    math(EXPR n_${kind} "${n_${kind}} + ${n}")
    math(EXPR n_questions "${n_questions} + ${n}")
  endforeach()
endforeach()

foreach(kind ${question_kinds})
  if(n_${kind} EQUAL 0)
    message(FATAL_ERROR "the course has no ${kind} question")
  endif()
endforeach()
# The format's other additions, where the texts give material: a period, a
# target, a pool.
file(READ "${COURSE_DIR}/02-key-steps.xml" key_steps)
if(NOT key_steps MATCHES "<event [^>]*end=\"" OR NOT key_steps MATCHES "<event [^>]*status=\"target\"")
  message(FATAL_ERROR "the timeline must show a period (end=) and the 2030 goal (status=\"target\")")
endif()
set(pools 0)
foreach(module ${modules})
  file(READ "${module}" xml)
  if(xml MATCHES "<quiz [^>]*draw=\"")
    math(EXPR pools "${pools} + 1")
  endif()
endforeach()
if(pools EQUAL 0)
  message(FATAL_ERROR "no quiz of the course draws its questions from a pool (draw=)")
endif()
if(NOT n_partial_multiple GREATER 0)
  message(FATAL_ERROR "the course has no multiple question with scoring=\"partial\"")
endif()
if(n_questions LESS min_questions)
  message(FATAL_ERROR "the course has ${n_questions} questions; it promises at least "
                      "${min_questions}")
endif()
message(STATUS "${n_modules} modules, ${n_questions} questions, no diagnostics")
