// "Did you mean ...?": the closest of a set of valid words to a misspelt one.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sliversim::scenario {

// The optimal-string-alignment edit distance between a and b (insertions, deletions,
// substitutions and transpositions of adjacent characters each cost 1), comparing ASCII letters
// case-insensitively.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word` by edit_distance among those that are plausible mistakes for
// it: within distance max(1, min(3, len(word) / 3)) (a typo), or equal to `word` + "_..." (the
// unit suffix left out: "mean" -> "mean_days"), or equal to `word` up to its last '_' (another
// unit: "duration_days" -> "duration_hours"). Ties go to the earlier candidate; nullopt when none
// qualifies.
std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates);

// " (did you mean \"x\"?)" for the closest candidate, or "" when there is none.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace sliversim::scenario
