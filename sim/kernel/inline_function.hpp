// A move-only callable wrapper that never allocates: the callable lives in a fixed buffer inside
// the object (a compile error if it does not fit). Used for event callbacks, where a heap
// allocation per event would dominate the cost of scheduling. Trivially copyable callables (the
// usual lambdas capturing pointers, ids and numbers) are moved with a plain memcpy.
#pragma once

#include <concepts>
#include <cstddef>
#include <cstring>
#include <new>
#include <type_traits>
#include <utility>

namespace sliversim::kernel {

template <class Signature, std::size_t Capacity>
class InlineFunction;

template <class R, class... Args, std::size_t Capacity>
class InlineFunction<R(Args...), Capacity> {
 public:
  // The buffer size in bytes; callables up to this size (and 8-byte alignment) fit.
  static constexpr std::size_t kCapacity = Capacity;

  // An empty function; calling it is undefined (REQUIRES below).
  InlineFunction() noexcept = default;

  // Wraps a callable. Fails to compile if it is larger than Capacity, over-aligned, not
  // nothrow-movable, or not callable as R(Args...).
  template <class F>
  requires(!std::same_as<std::remove_cvref_t<F>, InlineFunction> &&
           std::is_invocable_r_v<R, std::decay_t<F>&, Args...>) InlineFunction(F&& f)
  noexcept(std::is_nothrow_constructible_v<std::decay_t<F>, F&&>) {
    using Fn = std::decay_t<F>;
    static_assert(sizeof(Fn) <= Capacity, "callable too large: capture less, or by pointer");
    static_assert(alignof(Fn) <= alignof(std::max_align_t) && alignof(Fn) <= kAlign,
                  "callable over-aligned");
    static_assert(std::is_nothrow_move_constructible_v<Fn>, "callable must be nothrow-movable");
    ::new (static_cast<void*>(storage_)) Fn(std::forward<F>(f));
    ops_ = &kOpsFor<Fn>;
  }

  InlineFunction(InlineFunction&& other) noexcept { take(other); }
  InlineFunction& operator=(InlineFunction&& other) noexcept {
    if (this != &other) {
      reset();
      take(other);
    }
    return *this;
  }
  InlineFunction(const InlineFunction&) = delete;
  InlineFunction& operator=(const InlineFunction&) = delete;
  ~InlineFunction() { reset(); }

  // Calls the wrapped callable. REQUIRES: not empty.
  R operator()(Args... args) { return ops_->invoke(storage_, std::forward<Args>(args)...); }

  // True when a callable is held.
  explicit operator bool() const { return ops_ != nullptr; }

  // Destroys the held callable, leaving the function empty.
  void reset() noexcept {
    if (ops_ != nullptr && ops_->destroy != nullptr) ops_->destroy(storage_);
    ops_ = nullptr;
  }

 private:
  static constexpr std::size_t kAlign = 8;

  struct Ops {
    R (*invoke)(void*, Args&&...);
    void (*relocate)(void* to, void* from);  // null: memcpy is enough
    void (*destroy)(void*);                  // null: nothing to do
  };

  template <class Fn>
  static constexpr bool kTrivial =
      std::is_trivially_copyable_v<Fn>&& std::is_trivially_destructible_v<Fn>;

  template <class Fn>
  static R invoke_fn(void* p, Args&&... args) {
    return (*static_cast<Fn*>(p))(std::forward<Args>(args)...);
  }
  template <class Fn>
  static void relocate_fn(void* to, void* from) {
    Fn* source = static_cast<Fn*>(from);
    ::new (to) Fn(std::move(*source));
    source->~Fn();
  }
  template <class Fn>
  static void destroy_fn(void* p) {
    static_cast<Fn*>(p)->~Fn();
  }

  template <class Fn>
  static constexpr Ops kOpsFor{&invoke_fn<Fn>, kTrivial<Fn> ? nullptr : &relocate_fn<Fn>,
                               kTrivial<Fn> ? nullptr : &destroy_fn<Fn>};

  void take(InlineFunction& other) noexcept {
    ops_ = other.ops_;
    if (ops_ == nullptr) return;
    if (ops_->relocate == nullptr) {
      std::memcpy(storage_, other.storage_, Capacity);
    } else {
      ops_->relocate(storage_, other.storage_);
    }
    other.ops_ = nullptr;
  }

  alignas(kAlign) std::byte storage_[Capacity];
  const Ops* ops_ = nullptr;
};

}  // namespace sliversim::kernel
