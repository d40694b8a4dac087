// Provenance values come from compile definitions set in sim/CMakeLists.txt.
#include "sim/report/provenance.hpp"

namespace sliversim::report {

Provenance provenance() {
  return {SLIVERSIM_VERSION, SLIVERSIM_GIT, SLIVERSIM_COMPILER, SLIVERSIM_BUILD_TYPE};
}

}  // namespace sliversim::report
