// Edit distance and the "did you mean" choice used for unknown keys and unknown names.
#include "sim/scenario/suggest.hpp"

#include <algorithm>
#include <cctype>

namespace sliversim::scenario {

namespace {

char fold(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

// "duration" for "duration_days"; the whole word when it has no '_'.
std::string_view stem(std::string_view word) {
  const auto cut = word.rfind('_');
  return cut == std::string_view::npos ? word : word.substr(0, cut);
}

bool plausible(std::string_view word, std::string_view candidate, std::size_t distance) {
  const std::size_t limit = std::max<std::size_t>(1, std::min<std::size_t>(3, word.size() / 3));
  if (distance <= limit) return true;
  if (candidate.size() > word.size() + 1 && candidate.substr(0, word.size()) == word &&
      candidate[word.size()] == '_') {
    return true;
  }
  return word.find('_') != std::string_view::npos && stem(word) == stem(candidate);
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Dynamic programming over three rows: i-2, i-1 and i (transpositions look two rows back).
  std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = fold(a[i - 1]) == fold(b[j - 1]) ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && fold(a[i - 1]) == fold(b[j - 2]) && fold(a[i - 2]) == fold(b[j - 1])) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
    }
    before.swap(previous);
    previous.swap(current);
  }
  return previous[b.size()];
}

std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates) {
  std::optional<std::string> best;
  std::size_t best_distance = 0;
  for (const auto& candidate : candidates) {
    const std::size_t distance = edit_distance(word, candidate);
    if (!plausible(word, candidate, distance)) continue;
    if (!best || distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  const auto match = closest_match(word, candidates);
  if (!match) return "";
  return " (did you mean \"" + *match + "\"?)";
}

}  // namespace sliversim::scenario
