// InlineFunction: calls, moves, and exactly-once destruction of non-trivial captures.
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <utility>

#include "sim/kernel/inline_function.hpp"

using Fn = sliversim::kernel::InlineFunction<int(int), 40>;

TEST_CASE("an inline function calls its callable with the captured state") {
  const int base = 10;
  Fn f([base](int x) { return base + x; });
  REQUIRE(static_cast<bool>(f));
  CHECK(f(5) == 15);
  Fn empty;
  CHECK_FALSE(static_cast<bool>(empty));
}

TEST_CASE("moving transfers the callable and leaves the source empty") {
  int calls = 0;
  Fn a([&calls](int x) {
    ++calls;
    return x * 2;
  });
  Fn b(std::move(a));
  CHECK_FALSE(static_cast<bool>(a));
  CHECK(b(4) == 8);
  Fn c;
  c = std::move(b);
  CHECK_FALSE(static_cast<bool>(b));
  CHECK(c(5) == 10);
  CHECK(calls == 2);
}

TEST_CASE("non-trivial captures are moved, not copied, and destroyed exactly once") {
  auto token = std::make_shared<std::string>("x");
  {
    Fn a([token](int x) { return x + static_cast<int>(token->size()); });
    CHECK(token.use_count() == 2);
    Fn b(std::move(a));
    CHECK(token.use_count() == 2);
    CHECK(b(1) == 2);
    Fn c([](int x) { return x; });
    c = std::move(b);
    CHECK(token.use_count() == 2);
    c.reset();
    CHECK(token.use_count() == 1);
    CHECK_FALSE(static_cast<bool>(c));
  }
  CHECK(token.use_count() == 1);
}

TEST_CASE("assigning over a held non-trivial callable destroys it") {
  auto token = std::make_shared<int>(1);
  Fn f([token](int x) { return x; });
  CHECK(token.use_count() == 2);
  f = Fn([](int x) { return -x; });
  CHECK(token.use_count() == 1);
  CHECK(f(3) == -3);
}
