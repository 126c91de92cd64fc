// The two word tables (words.hpp). The Chinese follows the documents' own
// phrasing where they have one: 年满49周岁, 每人每月, 不低于, 有条件的地方可.
#include "plain/words.hpp"

namespace fuzhu::plain {

namespace {

constexpr Words chinese{
    .and_top = "，且", .and_inner = "且", .or_top = "，或", .or_inner = "或", .open = "（", .close = "）",
    .note_open = "（", .list = "、",
    .arm_sep = "，", .arm_sep_outer = "；", .arm_colon = "：",
    .is = "为", .is_not = "不为",
    .ge = "不低于", .gt = "超过", .lt = "低于", .le = "不超过", .eq = "等于", .ne = "不等于",
    .date_ge = "不早于", .date_gt = "晚于", .date_lt = "早于", .date_le = "不晚于",
    .add = "加", .sub = "减", .mul = "×", .div = "÷", .minus = "负",
    .yes = "是", .no = "否",
    .today = "评估当日", .person = "本人", .amount_of = "待遇金额", .other_values = "其他", .otherwise = "否则",
    .not_prefix = "非", .not_definition = "不属于",
    .any_parent = "夫妻任一方", .all_parent = "夫妻双方均", .any_member = "家庭成员中任一人", .all_member = "家庭成员均",
    .quantified_person = "",
    .yuan = "元", .from_date = "起", .at_least = "不低于", .extra = "另加", .if_then = "的，", .if_else = "；否则",
    .condition = "条件", .recipient = "对象", .amount = "金额", .payers = "出资", .form = "形式", .grants = "内容",
    .paid_to = "支付给", .separator = "；", .label_sep = "：",
    .household = "本户", .each_parent = "夫妻每人", .each_member = "家庭成员每人", .each_deceased_parent = "已故的夫或妻每人",
    .where = "，须",
    .cash = "现金", .in_kind = "实物（金额为所给物品或服务的价值）", .discretionary = "有条件的地方可发放，不一定发放",
    .no_figure = "文件未定数额", .rest_shared = "其余部分",
    .monthly = "每月", .yearly = "每年", .once = "一次性",
};

constexpr Words english{
    .and_top = ", and ", .and_inner = " and ", .or_top = ", or ", .or_inner = " or ", .open = "(", .close = ")",
    .note_open = " (", .list = ", ",
    .arm_sep = ", ", .arm_sep_outer = "; ", .arm_colon = ": ",
    .is = " is ", .is_not = " is not ",
    .ge = " is at least ", .gt = " is more than ", .lt = " is less than ", .le = " is at most ", .eq = " equals ",
    .ne = " does not equal ",
    .date_ge = " is on or after ", .date_gt = " is after ", .date_lt = " is before ", .date_le = " is on or before ",
    .add = " + ", .sub = " − ", .mul = " × ", .div = " ÷ ", .minus = "minus ",
    .yes = "yes", .no = "no",
    .today = "the evaluation date", .person = "the person", .amount_of = "the benefit's amount",
    .other_values = "other", .otherwise = "otherwise",
    .not_prefix = "not ", .not_definition = "not ",
    .any_parent = "either parent", .all_parent = "each parent", .any_member = "any member",
    .all_member = "every member", .quantified_person = "",
    .yuan = " yuan", .from_date = "from ", .at_least = "at least ", .extra = "plus", .if_then = ": ",
    .if_else = "; otherwise ",
    .condition = "Condition", .recipient = "Recipient", .amount = "Amount", .payers = "Paid by", .form = "Form",
    .grants = "Given", .paid_to = "Paid to", .separator = "; ", .label_sep = ": ",
    .household = "the household", .each_parent = "each parent", .each_member = "each member of the family",
    .each_deceased_parent = "each parent who died", .where = ", if ",
    .cash = "cash", .in_kind = "in kind (the amount is the value of what is given)",
    .discretionary = "where local conditions allow; it may not be paid", .no_figure = "no figure set by the document",
    .rest_shared = "the rest",
    .monthly = "a month", .yearly = "a year", .once = "once",
};

}  // namespace

const Words& words(Lang lang) { return lang == Lang::en ? english : chinese; }

std::string_view period_word(const Words& w, Period period) {
  switch (period) {
    case Period::monthly: return w.monthly;
    case Period::yearly: return w.yearly;
    case Period::once: return w.once;
  }
  return "";
}

}  // namespace fuzhu::plain
