#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace kaowu {

// 128-bit digests (XXH3-128, Debian's libxxhash) for telling whether bytes changed: the inputs
// of a build, the files it publishes. Not a defence against a forger: whoever could forge an
// input could as well change it (rsync uses the same hash for the same job, --checksum).

// The digest of `bytes`, as 32 lowercase hex digits.
std::string digest_hex(std::string_view bytes);

// The digest of a sequence of values. Each string goes in with its length, so ("ab", "c") and
// ("a", "bc") differ.
class Digest {
public:
  Digest();
  ~Digest();
  Digest(const Digest&) = delete;
  Digest& operator=(const Digest&) = delete;

  Digest& add(std::string_view bytes);
  Digest& add(uint64_t number);
  std::string hex() const; // of everything added so far

private:
  struct State;
  std::unique_ptr<State> state_;
};

} // namespace kaowu
