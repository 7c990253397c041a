# libFuzzer harnesses, built only with -DHRC_FUZZ=ON and clang. The top-level
# CMakeLists.txt then compiles every library with
# -fsanitize=fuzzer-no-link,address,undefined; the harness adds the fuzzer's
# own main. `make fuzz` runs it.
if(HRC_FUZZ)
  if(NOT CMAKE_C_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "HRC_FUZZ needs clang (cmake -DCMAKE_C_COMPILER=clang)")
  endif()
  add_executable(fuzz_loader ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/fuzz_loader.c)
  target_link_libraries(fuzz_loader PRIVATE hrc_io)
  target_compile_options(fuzz_loader PRIVATE -fsanitize=fuzzer,address,undefined)
  target_link_options(fuzz_loader PRIVATE -fsanitize=fuzzer,address,undefined)
endif()
