// The simulator loop: dispatches queued callbacks.
#include "sim/kernel/simulator.hpp"

namespace sliversim::kernel {

bool Simulator::step() {
  return queue_.step([this](const EventInfo& info, EventCallback& callback) {
    current_ = info;
    callback(*this);
  });
}

std::uint64_t Simulator::run_until(Ticks limit) {
  stop_requested_ = false;
  return queue_.run_until(
      limit,
      [this](const EventInfo& info, EventCallback& callback) {
        current_ = info;
        callback(*this);
      },
      [this] { return !stop_requested_; });
}

}  // namespace sliversim::kernel
