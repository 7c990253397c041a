# The layers of player/ depend one way: tests/layers/rules says what each
# folder may include and call; check.sh lists every breach.
add_test(NAME layers COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/layers/check.sh ${PROJECT_SOURCE_DIR})
