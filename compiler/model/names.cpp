#include "model/calendar.hpp"

namespace kaowu {

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

} // namespace kaowu
