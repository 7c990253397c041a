# Fails when a catalogue is not complete: a message of the template missing,
# untranslated or fuzzy, a format mismatch, or the wrong plural rule.
#   cmake -DMSGFMT=... -DMSGCMP=... -DMSGATTRIB=... -DPO=LANG.po -DPOT=... -P check_po.cmake
get_filename_component(lang "${PO}" NAME_WE)
set(failures "")

# The plural rule each language needs (gettext manual, "Plural forms").
set(plural_fr "nplurals=2; plural=(n > 1);")
set(plural_es "nplurals=2; plural=(n != 1);")
file(READ "${PO}" po_text)
if(DEFINED plural_${lang})
  string(FIND "${po_text}" "\"Plural-Forms: ${plural_${lang}}\\n\"" at)
  if(at EQUAL -1)
    string(APPEND failures "  the header must say Plural-Forms: ${plural_${lang}}\n")
  endif()
endif()

execute_process(COMMAND "${MSGFMT}" --check --statistics --output-file=/dev/null "${PO}"
                RESULT_VARIABLE result ERROR_VARIABLE stats)
string(STRIP "${stats}" stats)
message(STATUS "${lang}: ${stats}")
if(NOT result EQUAL 0)
  string(APPEND failures "  msgfmt --check failed\n")
endif()
if(stats MATCHES "untranslated|fuzzy")
  string(APPEND failures "  ${stats}\n")
endif()

foreach(kind untranslated only-fuzzy)
  execute_process(COMMAND "${MSGATTRIB}" --${kind} --no-obsolete "${PO}"
                  OUTPUT_VARIABLE listed)
  # Every real message has a msgid after the header's empty one.
  string(REGEX MATCHALL "\nmsgid \"[^\n]*" ids "${listed}")
  list(FILTER ids EXCLUDE REGEX "^\nmsgid \"\"$")
  if(ids)
    string(REPLACE "\nmsgid " "    " ids "${ids}")
    string(REPLACE ";" "\n" ids "${ids}")
    string(APPEND failures "  ${kind}:\n${ids}\n")
  endif()
endforeach()

# Every message of the template must be in the catalogue (msgmerge done).
execute_process(COMMAND "${MSGCMP}" "${PO}" "${POT}"
                RESULT_VARIABLE result ERROR_VARIABLE missing)
if(NOT result EQUAL 0)
  string(APPEND failures "  not matching hrc-player.pot:\n${missing}\n")
endif()

if(failures)
  message(FATAL_ERROR "locale/${lang}.po is not complete:\n${failures}"
    "Run `make pot`, then translate the strings above in locale/${lang}.po "
    "(see locale/README.md).")
endif()
