# The Debian package (`make deb`) and the kiosk it installs:
#   package_man_page    docs/hrc-player.1 describes every option of --help
#   package_unit        the kiosk unit passes systemd-analyze verify, and
#                       docs/kiosk.md shows it as it is
#   package_deb         builds the .deb as `make deb` does; lintian: no error
#   package_install     the .deb unpacked, then installed, used and purged
#   package_kiosk_cage  the unit's command line under cage, screenshots by grim
# package_deb builds in its own folder with Debian's flags (about a minute
# on two cores); the last two use its package (ctest fixture hrc_deb).
set(pkg_tests "${CMAKE_CURRENT_SOURCE_DIR}/package")
set(pkg_build "${CMAKE_CURRENT_BINARY_DIR}/package-deb")

add_test(NAME package_man_page
         COMMAND ${pkg_tests}/man_page.sh $<TARGET_FILE:hrc-player>
                 ${PROJECT_SOURCE_DIR}/docs/hrc-player.1)
add_test(NAME package_unit
         COMMAND ${pkg_tests}/unit.sh ${PROJECT_SOURCE_DIR}/cmake/package/hrc-kiosk.service
                 ${PROJECT_SOURCE_DIR}/docs/kiosk.md)

add_test(NAME package_deb COMMAND ${pkg_tests}/build_deb.sh ${PROJECT_SOURCE_DIR} ${pkg_build})
add_test(NAME package_install COMMAND ${pkg_tests}/deb_install.sh ${pkg_build})
add_test(NAME package_kiosk_cage
         COMMAND ${pkg_tests}/kiosk_cage.sh ${pkg_build} ${PROJECT_SOURCE_DIR})
set_tests_properties(package_man_page package_unit PROPERTIES TIMEOUT 60 SKIP_RETURN_CODE 77)
set_tests_properties(package_deb PROPERTIES TIMEOUT 900 FIXTURES_SETUP hrc_deb)
set_tests_properties(package_install package_kiosk_cage PROPERTIES
                     TIMEOUT 300 SKIP_RETURN_CODE 77 FIXTURES_REQUIRED hrc_deb)
