# The files a system install adds to the program, assets, course and
# catalogues (installed from player/ and locale/), and the Debian package
# CPack makes of it all (`make deb`, which runs cmake/build-deb.sh).
#
#   share/man/man1/hrc-player.1.gz                   docs/hrc-player.1
#   share/applications/org.hrcplayer.HrcPlayer.desktop
#   share/metainfo/org.hrcplayer.HrcPlayer.metainfo.xml
#   share/icons/hicolor/scalable/apps/org.hrcplayer.HrcPlayer.svg
#   share/doc/hrc-player/{copyright,changelog.Debian.gz,kiosk.md,accessibility.md}
#   HRC_SYSTEMD_UNIT_DIR/hrc-kiosk.service           the kiosk, not enabled
#   HRC_PAM_DIR/hrc-kiosk                             its PAM session
#
# The package puts the unit in /lib/systemd/system and the PAM file in
# /etc/pam.d (cmake/build-deb.sh sets both); a plain `cmake --install`
# keeps them under its prefix, away from the system's own folders.

set(HRC_SYSTEMD_UNIT_DIR "lib/systemd/system" CACHE STRING
    "Where the kiosk's systemd unit is installed (relative: under the prefix)")
set(HRC_PAM_DIR "etc/pam.d" CACHE STRING
    "Where the kiosk's PAM file is installed (relative: under the prefix)")
set(HRC_DEB_MAINTAINER "HRC Player maintainers <hrc-player@example.org>" CACHE STRING
    "Maintainer field of the Debian package: NAME <EMAIL>")
set(HRC_DEB_RELEASE "1" CACHE STRING "Debian revision of the package")

set(pkg_src "${PROJECT_SOURCE_DIR}/cmake/package")
set(pkg_out "${PROJECT_BINARY_DIR}/package")
set(app_id org.hrcplayer.HrcPlayer)
set(HRC_DEB_VERSION "${PROJECT_VERSION}-${HRC_DEB_RELEASE}")

# Compressed as Debian wants: best compression, no name or time stamp in
# the header, so the same sources give the same package.
find_program(HRC_GZIP gzip REQUIRED)
function(hrc_gzip input output)
  add_custom_command(
    OUTPUT "${output}"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${pkg_out}"
    COMMAND "${HRC_GZIP}" -9nc "${input}" > "${output}"
    DEPENDS "${input}"
    COMMENT "Compressing ${input}"
    VERBATIM)
endfunction()

configure_file("${pkg_src}/changelog.in" "${pkg_out}/changelog.Debian" @ONLY)
configure_file("${pkg_src}/${app_id}.metainfo.xml" "${pkg_out}/${app_id}.metainfo.xml"
               @ONLY)

# copyright: the program's and the course's stanzas, then the fonts' own
# (assets/fonts/LICENSE.txt, a copyright file of the same format).
file(READ "${pkg_src}/copyright.in" copyright)
file(READ "${PROJECT_SOURCE_DIR}/assets/fonts/LICENSE.txt" fonts_copyright)
string(FIND "${fonts_copyright}" "\nFiles:" files_at)
string(SUBSTRING "${fonts_copyright}" ${files_at} -1 fonts_copyright)
string(REPLACE "\nFiles: *\n" "\nFiles: assets/fonts/*\n" fonts_copyright
       "${fonts_copyright}")
string(STRIP "${fonts_copyright}" fonts_copyright)
file(CONFIGURE OUTPUT "${pkg_out}/copyright"
     CONTENT "${copyright}${fonts_copyright}\n" @ONLY)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
             "${pkg_src}/copyright.in" "${PROJECT_SOURCE_DIR}/assets/fonts/LICENSE.txt")

hrc_gzip("${PROJECT_SOURCE_DIR}/docs/hrc-player.1" "${pkg_out}/hrc-player.1.gz")
hrc_gzip("${pkg_out}/changelog.Debian" "${pkg_out}/changelog.Debian.gz")
add_custom_target(package_files ALL
  DEPENDS "${pkg_out}/hrc-player.1.gz" "${pkg_out}/changelog.Debian.gz")

include(GNUInstallDirs)
install(FILES "${pkg_out}/hrc-player.1.gz" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")
install(FILES "${pkg_src}/${app_id}.desktop" DESTINATION "${CMAKE_INSTALL_DATADIR}/applications")
install(FILES "${pkg_out}/${app_id}.metainfo.xml" DESTINATION "${CMAKE_INSTALL_DATADIR}/metainfo")
install(FILES "${pkg_src}/${app_id}.svg"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps")
install(FILES "${pkg_out}/copyright" "${pkg_out}/changelog.Debian.gz"
              "${PROJECT_SOURCE_DIR}/docs/kiosk.md" "${PROJECT_SOURCE_DIR}/docs/accessibility.md"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/doc/hrc-player")
# A stripped install (the package) drops the compilers' notes too, as
# Debian's dh_strip does.
if(CMAKE_STRIP)
  install(CODE "
    if(CMAKE_INSTALL_DO_STRIP)
      execute_process(COMMAND \"${CMAKE_STRIP}\" --remove-section=.comment --remove-section=.note
                              \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/bin/hrc-player\"
                      COMMAND_ERROR_IS_FATAL ANY)
    endif()")
endif()

# The fonts are Debian's own (fonts-dejavu-core, fonts-dejavu-extra): the
# player finds them through links where it looks for its assets.
if(HRC_SYSTEM_FONTS)
  install(CODE [[
    set(fonts_dir "$ENV{DESTDIR}${CMAKE_INSTALL_PREFIX}/share/hrc-player/assets/fonts")
    file(MAKE_DIRECTORY "${fonts_dir}")
    foreach(font DejaVuSans DejaVuSans-Bold DejaVuSans-Oblique DejaVuSans-BoldOblique)
      file(CREATE_LINK "../../../fonts/truetype/dejavu/${font}.ttf"
           "${fonts_dir}/${font}.ttf" SYMBOLIC)
    endforeach()
    file(CREATE_LINK
         "../../../fonts/truetype/material-design-icons-iconfont/MaterialIcons-Regular.ttf"
         "${fonts_dir}/MaterialIcons-Regular.ttf" SYMBOLIC)
  ]])
endif()
install(FILES "${pkg_src}/hrc-kiosk.service" DESTINATION "${HRC_SYSTEMD_UNIT_DIR}")
install(FILES "${pkg_src}/hrc-kiosk.pam" DESTINATION "${HRC_PAM_DIR}" RENAME hrc-kiosk)

# ---- CPack: the .deb ------------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME hrc-player)
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_CONTACT "${HRC_DEB_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "offline kiosk player for a course on human rights cities")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
# Same modes whatever the builder's umask.
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE
    WORLD_READ WORLD_EXECUTE)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE "${HRC_DEB_RELEASE}")
set(CPACK_DEBIAN_PACKAGE_SECTION education)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Speech needs eSpeak NG's voices, which dpkg-shlibdeps cannot see.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "espeak-ng-data")
if(HRC_SYSTEM_FONTS)
  set(CPACK_DEBIAN_PACKAGE_DEPENDS
      "${CPACK_DEBIAN_PACKAGE_DEPENDS}, fonts-dejavu-core, fonts-dejavu-extra, fonts-material-design-icons-iconfont")
endif()
# The kiosk unit runs cage, which will not start without Xwayland; its
# stop command uses pkill (procps).
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "cage, xwayland, procps")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA "${pkg_src}/conffiles")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# The extended description; CPack puts the summary above it and indents it.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "HRC Player plays the learning modules of “Local Governments and Human
Rights”, the companion course of the campaign “10, 100, 1000 Human Rights
Cities and Territories for 2030”: lesson pages, a timeline, case studies
of cities and quizzes, in English, French and Spanish. It runs in a window
or as a full-screen kiosk on a shared machine, keeps each learner's
progress on the machine, and lets a facilitator export it. Authors check
their modules with its validator and live preview.

The package includes the course, and a systemd unit (hrc-kiosk.service,
not enabled) that runs the player as a kiosk under the cage compositor.")
include(CPack)
