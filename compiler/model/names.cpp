#include "model/calendar.hpp"

#include <cstdint>
#include <cstdio>

namespace kaowu {

std::string subject_key(const std::string& subject) {
  if (subject == "基础知识") return "basic";
  if (subject == "相关专业知识") return "related";
  if (subject == "专业知识") return "professional";
  if (subject == "专业实践能力") return "practice";
  // FNV-1a, so the key is the same on every build and machine.
  uint32_t h = 2166136261u;
  for (unsigned char c : subject) h = (h ^ c) * 16777619u;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%08x", h);
  return "subject-" + std::string(buf);
}

const char* to_string(Level l) {
  switch (l) {
  case Level::national: return "national";
  case Level::region: return "region";
  case Level::site: return "site";
  }
  return "?";
}

const char* to_string(Audience a) {
  switch (a) {
  case Audience::candidate: return "candidate";
  case Audience::staff: return "staff";
  case Audience::military: return "military";
  }
  return "?";
}

const char* to_string(Form f) {
  switch (f) {
  case Form::unspecified: return "unspecified";
  case Form::online: return "online";
  case Form::in_person: return "in-person";
  }
  return "?";
}

const char* to_string(ExamMode m) { return m == ExamMode::cbt ? "cbt" : "paper"; }

const char* to_string(TimingKind k) {
  switch (k) {
  case TimingKind::window: return "window";
  case TimingKind::from: return "from";
  case TimingKind::deadline: return "deadline";
  case TimingKind::days: return "days";
  case TimingKind::relative: return "relative";
  case TimingKind::tba: return "tba";
  }
  return "?";
}

const char* to_string(FeeMode m) {
  switch (m) {
  case FeeMode::any: return "any";
  case FeeMode::cbt: return "cbt";
  case FeeMode::paper: return "paper";
  }
  return "?";
}

const char* to_string(FeeUnit u) {
  switch (u) {
  case FeeUnit::subject: return "subject";
  case FeeUnit::person: return "person";
  case FeeUnit::exam: return "exam";
  }
  return "?";
}

const char* to_string(FeeKind k) {
  switch (k) {
  case FeeKind::exam: return "exam";
  case FeeKind::registration: return "registration";
  case FeeKind::other: return "other";
  }
  return "?";
}

} // namespace kaowu
