# Included by the host projects of tests/package: a machine with only PEGTL,
# fmt and nlohmann_json. Every other package fuzhu's own build uses is made
# unfindable, so that the library (or its installed package) asking for one
# fails the configuration ("A REQUIRED package cannot be disabled").
foreach(package CLI11 simdjson doctest PkgConfig Lua Threads Python3)
  set(CMAKE_DISABLE_FIND_PACKAGE_${package} TRUE)
endforeach()
