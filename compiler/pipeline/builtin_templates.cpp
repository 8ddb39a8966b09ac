#include "pipeline/builtin_templates.hpp"

#include <string_view>
#include <utility>

namespace kaowu {

namespace {
const std::pair<const char*, std::string_view> kFiles[] = {
#include "builtin_templates.inc"
};
} // namespace

const MemoryTree& builtin_templates() {
  static const MemoryTree tree = [] {
    MemoryTree t("(built-in templates)");
    for (const auto& [path, bytes] : kFiles) t.add(path, std::string(bytes));
    return t;
  }();
  return tree;
}

} // namespace kaowu
