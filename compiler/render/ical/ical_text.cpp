#include "render/ical/ical_text.hpp"

namespace kaowu {

std::string ical_text_and_free(icalcomponent* component) {
  char* text = icalcomponent_as_ical_string_r(component);
  std::string raw = text ? text : "";
  icalmemory_free_buffer(text);
  icalcomponent_free(component);
  static const std::string slip = "\r\r\n \n";
  std::string out;
  out.reserve(raw.size());
  size_t from = 0;
  for (size_t at = raw.find(slip); at != std::string::npos; at = raw.find(slip, from)) {
    out.append(raw, from, at - from);
    out += "\r\n";
    from = at + slip.size();
  }
  out.append(raw, from, std::string::npos);
  return out;
}

} // namespace kaowu
