#include "io/digest.hpp"

#include <new>

#include <xxhash.h>

namespace kaowu {

namespace {
std::string hex_of(XXH128_hash_t h) {
  static const char* digits = "0123456789abcdef";
  std::string out(32, '0');
  for (int i = 0; i < 16; ++i) {
    uint64_t word = i < 8 ? h.high64 : h.low64;
    unsigned byte = static_cast<unsigned>(word >> (8 * (7 - i % 8))) & 0xFF;
    out[static_cast<size_t>(2 * i)] = digits[byte >> 4];
    out[static_cast<size_t>(2 * i + 1)] = digits[byte & 15];
  }
  return out;
}
} // namespace

std::string digest_hex(std::string_view bytes) { return hex_of(XXH3_128bits(bytes.data(), bytes.size())); }

struct Digest::State {
  XXH3_state_t* xxh = XXH3_createState();
  ~State() { XXH3_freeState(xxh); }
};

Digest::Digest() : state_(std::make_unique<State>()) {
  if (state_->xxh == nullptr) throw std::bad_alloc();
  XXH3_128bits_reset(state_->xxh);
}

Digest::~Digest() = default;

Digest& Digest::add(std::string_view bytes) {
  add(static_cast<uint64_t>(bytes.size()));
  XXH3_128bits_update(state_->xxh, bytes.data(), bytes.size());
  return *this;
}

Digest& Digest::add(uint64_t number) {
  unsigned char le[8];
  for (int i = 0; i < 8; ++i) le[i] = static_cast<unsigned char>(number >> (8 * i));
  XXH3_128bits_update(state_->xxh, le, sizeof le);
  return *this;
}

std::string Digest::hex() const { return hex_of(XXH3_128bits_digest(state_->xxh)); }

} // namespace kaowu
