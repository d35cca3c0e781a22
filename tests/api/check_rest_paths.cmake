# Fails when a file under ui/ or models/ holds a REST path literal: the paths and bodies belong in api/.
# Run as: cmake -DSOURCE_DIR=<repo> -P check_rest_paths.cmake
set(resources admins alerts audit brands bulletins clusters companies contacts deleted domains incidents ingest
  mail-stores me openapi operations outage-suggestions sessions stats status users)
list(JOIN resources "|" alternatives)
set(pattern "\"/(${alternatives})[\"/?%]")

if(NOT SOURCE_DIR)
  message(FATAL_ERROR "SOURCE_DIR is not set")
endif()
file(GLOB_RECURSE files RELATIVE "${SOURCE_DIR}" "${SOURCE_DIR}/ui/*.cpp" "${SOURCE_DIR}/ui/*.h"
  "${SOURCE_DIR}/models/*.cpp" "${SOURCE_DIR}/models/*.h")
list(LENGTH files count)
if(count EQUAL 0)
  message(FATAL_ERROR "no source files found under ${SOURCE_DIR}/ui or models")
endif()

set(failures "")
foreach(file IN LISTS files)
  file(STRINGS "${SOURCE_DIR}/${file}" hits REGEX "${pattern}")
  foreach(line IN LISTS hits)
    string(STRIP "${line}" line)
    string(APPEND failures "\n  ${file}: ${line}")
  endforeach()
endforeach()

if(failures)
  message(FATAL_ERROR "REST paths outside api/ (use or add a typed call in api/):${failures}")
endif()
message(STATUS "checked ${count} files: no REST path outside api/")
