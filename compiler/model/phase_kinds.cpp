#include "model/phase_kinds.hpp"

#include <algorithm>

namespace kaowu {

const std::vector<PhaseKindInfo> &phase_kinds() {
  // In the order a calendar usually runs (shared domain notes, "the phases").
  static const std::vector<PhaseKindInfo> kinds = {
      {"registration", "报名"},
      {"confirmation", "现场确认"},
      {"audit", "资格审核"},
      {"info-changes", "报名信息修改"},
      {"military-data", "军队考生报名数据交接"},
      {"payment", "缴费"},
      {"invoices", "开具发票"},
      {"room-maintenance", "考场维护"},
      {"room-arrangement", "编排考场"},
      {"receiving-info", "接卷信息上报"},
      {"chief-examiner-list", "主考名单上报"},
      {"admission-card", "准考证打印"},
      {"military-admission-card", "军队考生准考证"},
      {"materials-handover", "考试专用物品交接"},
      {"paper-collection", "试卷领取"},
      {"exam", "考试"},
      {"candidate-info-report", "考生信息修改上报"},
      {"violations", "违纪处理"},
      {"destruction-record", "物品销毁记录"},
      {"receipts", "领取收据"},
      {"results", "成绩发布"},
      {"certificates", "证书领取"},
      {"other", "其他"},
  };
  return kinds;
}

const PhaseKindInfo *find_phase_kind(std::string_view name) {
  const auto &kinds = phase_kinds();
  auto it = std::find_if(kinds.begin(), kinds.end(), [&](const PhaseKindInfo &k) { return k.name == name; });
  return it == kinds.end() ? nullptr : &*it;
}

bool is_phase_kind(std::string_view name) {
  return find_phase_kind(name) != nullptr;
}

std::string derived_phase_kind(std::string_view phase_id) {
  if (phase_id != kExamKind && is_phase_kind(phase_id)) return std::string(phase_id);
  return std::string(kOtherKind);
}

} // namespace kaowu
