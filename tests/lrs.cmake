# The sync to a learning record store: unit tests with no network, then
# tests against a real LRS (Learning Locker's xapi-statements over
# redis-server), which lrs_setup installs once per build tree with npm from
# tests/lrs/package-lock.json.
set(lrs_dir ${CMAKE_CURRENT_SOURCE_DIR}/lrs)
set(lrs_work ${CMAKE_CURRENT_BINARY_DIR}/lrs-work)
set(lrs_node ${CMAKE_CURRENT_BINARY_DIR}/lrs-node)

hrc_unit_test(test_lrs_unit SOURCES ${lrs_dir}/test_lrs_unit.c LIBS hrc_io)
