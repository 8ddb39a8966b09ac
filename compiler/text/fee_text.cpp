#include "text/fee_text.hpp"

#include <cstdio>

namespace kaowu {
namespace {
std::string amount_text(double amount) {
  long long whole = static_cast<long long>(amount);
  if (static_cast<double>(whole) == amount) return std::to_string(whole);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", amount);
  return buf;
}
} // namespace

std::string fee_text(const Fee& f) { return amount_text(f.amount) + "元/" + f.per; }

} // namespace kaowu
