# The sync to a learning record store: unit tests with no network, then
# tests against a real LRS (Learning Locker's xapi-statements over
# redis-server), which lrs_setup installs once per build tree with npm from
# tests/lrs/package-lock.json.
set(lrs_dir ${CMAKE_CURRENT_SOURCE_DIR}/lrs)
set(lrs_work ${CMAKE_CURRENT_BINARY_DIR}/lrs-work)
set(lrs_node ${CMAKE_CURRENT_BINARY_DIR}/lrs-node)

hrc_unit_test(test_lrs_unit SOURCES ${lrs_dir}/test_lrs_unit.c LIBS hrc_io)

add_executable(lrs_driver ${lrs_dir}/lrs_driver.c)
target_link_libraries(lrs_driver PRIVATE hrc_lrs)

add_test(NAME lrs_setup COMMAND bash ${lrs_dir}/setup.sh ${lrs_node})
set_tests_properties(lrs_setup PROPERTIES FIXTURES_SETUP lrs TIMEOUT 900)

# name script: each starts its own redis-server and LRS on free ports.
foreach(t sync_basic sync_faults sync_refused sync_access sync_kill sync_background)
  add_test(NAME lrs_${t}
           COMMAND bash ${lrs_dir}/${t}.sh $<TARGET_FILE:hrc-player>
                   $<TARGET_FILE:progress_driver> ${lrs_work}/${t} ${lrs_node}
                   $<TARGET_FILE:lrs_driver> ${HRC_TEST_DATA})
  set_tests_properties(lrs_${t} PROPERTIES FIXTURES_REQUIRED lrs TIMEOUT 300
                       SKIP_RETURN_CODE 77)
endforeach()
