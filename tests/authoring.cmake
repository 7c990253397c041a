# Authoring tools: folder watching, the preview session (reload at the same
# place, problems while broken), --watch under Xvfb, --render --review, and
# the schema as editors read it.
hrc_unit_test(test_watch SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/unit/test_watch.c
              LIBS hrc_io)
hrc_unit_test(test_review SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/unit/test_review.c
              LIBS hrc_io)
hrc_unit_test(test_watch_preview
              SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/unit/test_watch_preview.c
              LIBS hrc_screens)

add_test(NAME authoring_template_validates
         COMMAND $<TARGET_FILE:hrc-player> --validate
                 ${PROJECT_SOURCE_DIR}/courses/template.xml)
set_tests_properties(authoring_template_validates PROPERTIES
                     PASS_REGULAR_EXPRESSION "1 valid, 0 invalid, 0 errors, 0 warnings")
add_test(NAME authoring_review_index
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/authoring/review_index.sh
                 $<TARGET_FILE:hrc-player> ${PROJECT_SOURCE_DIR}/courses/template.xml)
set_tests_properties(authoring_review_index PROPERTIES TIMEOUT 120)
# A real preview window under Xvfb; skipped (77) without Xvfb.
add_test(NAME authoring_watch_xvfb
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/authoring/watch_xvfb.sh
                 $<TARGET_FILE:hrc-player> ${PROJECT_SOURCE_DIR}/courses)
set_tests_properties(authoring_watch_xvfb PROPERTIES TIMEOUT 120 SKIP_RETURN_CODE 77)
# The schema for editors: module.rnc made from module.rng by trang and
# equivalent to it, documentation on every element and attribute, the
# template's xml-model line; skipped (77) without trang.
add_test(NAME authoring_schema
         COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/authoring/schema_rnc.sh ${PROJECT_SOURCE_DIR})
set_tests_properties(authoring_schema PROPERTIES TIMEOUT 120 SKIP_RETURN_CODE 77)
