# Helpers shared by the end-to-end CLI check scripts (included with `include`; SLIVERSIM names the
# binary under test).

# run(EXIT ARGS...): runs sliversim with ARGS, sets OUT and ERR, checks the exit code.
macro(run expected_exit)
  execute_process(COMMAND "${SLIVERSIM}" ${ARGN} RESULT_VARIABLE code OUTPUT_VARIABLE OUT
                  ERROR_VARIABLE ERR)
  if(NOT code EQUAL ${expected_exit})
    message(FATAL_ERROR "sliversim ${ARGN}: exit ${code}, expected ${expected_exit}\n"
                        "stdout: ${OUT}\nstderr: ${ERR}")
  endif()
endmacro()

# expect_match(TEXT REGEX WHAT): fails unless TEXT matches REGEX; WHAT names TEXT in the message.
function(expect_match text regex what)
  if(NOT "${text}" MATCHES "${regex}")
    message(FATAL_ERROR "${what} does not match '${regex}':\n${text}")
  endif()
endfunction()
