// Every part of the compiled policy, for a transition: include the part you
// use instead (value.hpp, schema.hpp, code.hpp, policy.hpp).
#pragma once

#include "compile/code.hpp"
#include "compile/policy.hpp"
#include "compile/schema.hpp"
#include "compile/value.hpp"
