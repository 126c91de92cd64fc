# Python (python/fuzhu): the standard library's ctypes over the C ABI
# (libfuzhu_c), tested with Debian's python3-pytest; and the Dask example
# (examples/dask) on a LocalCluster of 2 worker processes (python3-dask,
# python3-distributed). An instrumented libfuzhu_c cannot be loaded into an
# uninstrumented Python: the sanitizer builds skip these (docs/embedding.md,
# "Under the sanitizers").
if(NOT FUZHU_BUILD_TESTS OR NOT TARGET fuzhu_c OR CMAKE_CXX_FLAGS MATCHES "-fsanitize")
  return()
endif()

# Debian's interpreter, where apt installs pytest and dask (not a pyenv's).
find_program(FUZHU_PYTHON python3 PATHS /usr/bin NO_DEFAULT_PATH)
if(NOT FUZHU_PYTHON)
  find_program(FUZHU_PYTHON python3 REQUIRED)
endif()

set(FUZHU_PYTHON_ENV
  "PYTHONPATH=${PROJECT_SOURCE_DIR}/python:${PROJECT_SOURCE_DIR}/examples/dask"
  "PYTHONDONTWRITEBYTECODE=1"
  "FUZHU_LIBRARY=$<TARGET_FILE:fuzhu_c>"
  "FUZHU_CLI=$<TARGET_FILE:fuzhu_cli>"
  "FUZHU_GENPOP=$<TARGET_FILE:fuzhu_genpop>")

add_test(NAME python.pytest
         COMMAND ${FUZHU_PYTHON} -m pytest -q -p no:cacheprovider ${PROJECT_SOURCE_DIR}/tests/python
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(python.pytest PROPERTIES ENVIRONMENT "${FUZHU_PYTHON_ENV}" TIMEOUT 600)

add_test(NAME python.dask
         COMMAND ${FUZHU_PYTHON} -m pytest -q -p no:cacheprovider ${PROJECT_SOURCE_DIR}/tests/dask
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(python.dask PROPERTIES ENVIRONMENT "${FUZHU_PYTHON_ENV}" TIMEOUT 600 PROCESSORS 2)
