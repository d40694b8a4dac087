# Helpers that give every target of ours the same warnings, determinism flags and test wiring.

# sliversim_defaults(TARGET): warnings (errors with SLIVERSIM_WERROR), no FP contraction
# (Determinism: the same binary must give the same doubles whatever the optimiser fuses), sanitizers.
function(sliversim_defaults target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wconversion -Wsign-conversion -Wshadow -Wnon-virtual-dtor
    -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wnull-dereference -Wdouble-promotion
    -ffp-contract=off)
  if(SLIVERSIM_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  target_include_directories(${target} PUBLIC ${PROJECT_SOURCE_DIR})
endfunction()

if(SLIVERSIM_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined
                      -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()

# A shared doctest main, built once.
add_library(sliversim_doctest_main STATIC ${CMAKE_CURRENT_LIST_DIR}/doctest_main.cpp)
target_link_libraries(sliversim_doctest_main PUBLIC doctest::doctest)

# sliversim_test(NAME SOURCES ... LIBS ...): a doctest executable whose cases ctest lists one by one.
function(sliversim_test name)
  cmake_parse_arguments(T "" "" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${T_SOURCES})
  sliversim_defaults(${name})
  target_link_libraries(${name} PRIVATE sliversim_doctest_main ${T_LIBS})
  target_compile_definitions(${name} PRIVATE SLIVERSIM_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  doctest_discover_tests(${name} WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
endfunction()
