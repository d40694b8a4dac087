# Validates every scenario and sweep file under scenarios/, recursively, with `sliversim validate`:
# all *.json except the data folders traces/ and topologies/ and expected-results folders
# expected/. Fails when no file is found, when validate exits non-zero, or when a file is not
# reported "FILE: ok". Nothing is skipped: a file validate cannot read fails the test.
#   cmake -DSLIVERSIM=path/to/sliversim -DSOURCE_DIR=repo -P validate_all_scenarios.cmake
file(GLOB_RECURSE files RELATIVE ${SOURCE_DIR} ${SOURCE_DIR}/scenarios/*.json)
list(FILTER files EXCLUDE REGEX "(^|/)(traces|topologies|expected)/")
list(SORT files)
list(LENGTH files count)
if(count LESS 1)
  message(FATAL_ERROR "no scenario files found under ${SOURCE_DIR}/scenarios")
endif()
execute_process(COMMAND ${SLIVERSIM} validate ${files}
                WORKING_DIRECTORY ${SOURCE_DIR}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "sliversim validate exited ${rc} for the ${count} files above")
endif()
foreach(f IN LISTS files)
  string(FIND "${out}" "${f}: ok\n" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${f}: expected \"${f}: ok\" from sliversim validate, got none")
  endif()
endforeach()
message("${count} scenario files validated")
