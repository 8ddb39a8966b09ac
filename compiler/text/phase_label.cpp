#include "text/phase_label.hpp"

namespace kaowu {

std::string quoted(const std::string& text, bool zh) { return zh ? "“" + text + "”" : "'" + text + "'"; }

std::string phase_label(const std::string& name, const std::string& id, bool zh) {
  if (name.empty() || name == id) return quoted(id, zh);
  return quoted(name, zh) + (zh ? "（" + id + "）" : " (" + id + ")");
}

} // namespace kaowu
