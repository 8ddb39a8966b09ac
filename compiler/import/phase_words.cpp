#include "import/phase_words.hpp"

#include <algorithm>

#include "import/date_scan.hpp"

namespace kaowu::import {
namespace {

// Longest first within the table is not needed: find_phase_words tries every word at each
// position and keeps the longest.
const std::vector<PhaseWord>& phase_words() {
  static const std::vector<PhaseWord> words = {
      {"军队考生准考证", "military-admission-card"},
      {"集体领取准考证", "military-admission-card"},
      {"报考数据的交接", "military-data"},
      {"报考数据交接", "military-data"},
      {"报名数据交接", "military-data"},
      {"考生基本信息修改", "candidate-info-report"},
      {"考生信息修改上报", "candidate-info-report"},
      {"报名信息修改", "info-changes"},
      {"违纪", "violations"},
      {"销毁记录", "destruction-record"},
      {"销毁", "destruction-record"},
      {"接收地点", "receiving-info"},
      {"接卷信息", "receiving-info"},
      {"考区办公室设置", "receiving-info"},
      {"主考和值班人员名单", "chief-examiner-list"},
      {"主考名单", "chief-examiner-list"},
      {"考场维护", "room-maintenance"},
      {"编排考场", "room-arrangement"},
      {"考场编排", "room-arrangement"},
      {"安排考生座位", "room-arrangement"},
      {"考场安排", "room-arrangement"},
      {"考试试卷", "paper-collection"},
      {"纸笔考试试卷", "paper-collection"},
      {"试卷领取", "paper-collection"},
      {"下发考试专用物品", "materials-handover"},
      {"考试专用物品交接", "materials-handover"},
      {"物品交接", "materials-handover"},
      {"准考证", "admission-card"},
      {"发票", "invoices"},
      {"收据", "receipts"},
      {"成绩", "results"},
      {"证书", "certificates"},
      {"资格审核", "audit"},
      {"审核考生报名资格", "audit"},
      {"报名资格", "audit"},
      {"审核考生", "audit"},
      {"资格进行审核", "audit"},
      {"现场确认", "confirmation"},
      {"现场审核", "confirmation"},
      {"审核确认", "confirmation"},
      {"缴费", "payment"},
      {"交费", "payment"},
      {"预报名", "registration"},
      {"网上报名", "registration"},
      {"报名", "registration"},
      {"考试时间", "exam"},
      {"考试日期", "exam"},
      {"考试实施", "exam"},
      {"考试安排", "exam"},
      {"人机对话", "exam"},
      {"纸笔", "exam"},
      // Steps of no kind: named so their words are not read as a kind's (回收答题卡和备用试卷 is
      // not 试卷领取) and kept as "other" with the notice's wording.
      {"回收答题卡", ""},
      {"签到表", ""},
      {"公告网址", ""},
  };
  return words;
}

} // namespace

std::vector<PhaseWordHit> find_phase_words(const std::string& text) {
  std::vector<PhaseWordHit> hits;
  for (size_t i = 0; i < text.size();) {
    // Every word starts with an ideograph: its lead byte is 0xE0 or above.
    if (static_cast<unsigned char>(text[i]) < 0xE0) {
      ++i;
      continue;
    }
    const PhaseWord* best = nullptr;
    for (const PhaseWord& w : phase_words())
      if ((!best || w.word.size() > best->word.size()) && has_at(text, i, w.word)) best = &w;
    if (!best) {
      ++i;
      continue;
    }
    hits.push_back({best, i, i + best->word.size()});
    i += best->word.size();
  }
  return hits;
}

std::string_view audience_of_kind(std::string_view kind) {
  static constexpr std::string_view staff[] = {"audit",          "info-changes",        "room-maintenance",   "room-arrangement",
                                               "receiving-info", "chief-examiner-list", "materials-handover", "paper-collection",
                                               "candidate-info-report", "violations",   "destruction-record"};
  if (std::find(std::begin(staff), std::end(staff), kind) != std::end(staff)) return "staff";
  if (kind == "military-data" || kind == "military-admission-card") return "military";
  return "candidate";
}

} // namespace kaowu::import
