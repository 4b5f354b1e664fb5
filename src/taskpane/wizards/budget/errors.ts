/** The budget core's messages in Chinese (keys of BUDGET_ERROR_MESSAGES; English comes from the core). */
import { BUDGET_ERROR_MESSAGES } from "../../../core/budget";
import type { Locale } from "../../../i18n/locale";

const zhCN: Record<string, string> = {
  invalidMonths: "期间长度必须是 1 到 24 的整数月（当前 {value}）。",
  invalidStartMonth: "起始月份必须是 1 到 12 的整数（当前 {value}）。",
  invalidStartYear: "起始年份必须是 1900 到 9999 的整数（当前 {value}）。",
  emptyBudget: "请输入大于零的总预算。",
  negativeBudget: "总预算不能为负数（当前 {value}）。",
  invalidRevenueTarget: "请输入大于零的收入目标。",
  invalidBudgetRatio: "预算比例必须大于 0 且不超过 100（当前 {value}）。",
  budgetRatioUnusual: "预算占收入 {value}% 超出常见的 5–15%，请检查比例。",
  invalidReserve: "预留金比例必须在 0 到 100 之间（不含 100，当前 {value}）。",
  noChannels: "请至少添加一个渠道。",
  duplicateChannelId: "渠道编号 {channelId} 重复。",
  emptyChannelName: "请为渠道 {channelId} 命名。",
  invalidNumber: "{channel}：此处请输入数字（当前 {value}）。",
  negativeBound: "{channel}：花费上下限不能为负数（当前 {value}）。",
  minAboveMax: "{channel} 的最低花费（{min}）高于最高花费（{max}）。",
  minAboveTotal: "{channel} 的最低花费（{min}）高于可分配预算（{total}）。",
  boundsInfeasible: "无法满足渠道上下限：最低花费合计 {sumMin}，最高花费合计 {sumMax}，但可分配预算为 {total}。",
  negativeShare: "{channel} 的比例不能为负数（当前 {value}%）。",
  sharesDoNotSumTo100: "比例合计必须为 100%（当前合计 {sum}%）。",
  sharesAllZero: "至少要有一个比例大于零。",
  shareBelowMin: "{channel} 的比例（{share}% = {amount}）低于其最低花费 {min}。",
  shareAboveMax: "{channel} 的比例（{share}% = {amount}）高于其最高花费 {max}。",
  invalidHistory: "{channel} 的第 {row} 条历史：{what} 必须是不小于 0 的数字。",
  missingHistory: "{channel} 没有可用于加权的花费与{outcome}历史：请补充历史、输入假设值，或选择无历史渠道的处理方式。",
  invalidAssumedMetric: "{channel} 的假设值必须是不小于 0 的数字。",
  weightsAllZero: "所有渠道的权重（{metric}）都是零，无法据此分配预算。",
  historyCannotFitCurve:
    "{channel} 的历史无法拟合响应曲线：至少需要 2 个不同花费水平、且{outcome}随花费上升的数据点（{reason}）。",
  invalidCurve: "{channel} 的响应曲线需要 Vmax > 0、K > 0，且 α 介于 0.1 与 10 之间。",
  noSaturationInHistory: "{channel} 的历史看不出边际递减，其响应曲线属于外推。",
  invalidMethod: "请选择分配方式。",
  seasonalityLength: "季节性权重需要 12 个数字（1 月至 12 月，当前 {count} 个）。",
  negativeSeasonality: "第 {row} 个季节性权重必须是不小于 0 的数字。",
  seasonalityAllZero: "至少要有一个季节性权重大于零。",
  seasonalityZeroInPeriod: "计划期内每个月的季节性权重都是零。",
  unknownPreset: "未知的季节性预设 {value}。",
  invalidDecimals: "小数位数必须是 0 到 4 的整数（当前 {value}）。",
  invalidAmount: "总预算必须是数字（当前 {value}）。",
};

const zhTW: Record<string, string> = {
  invalidMonths: "期間長度必須是 1 到 24 的整數月（目前 {value}）。",
  invalidStartMonth: "起始月份必須是 1 到 12 的整數（目前 {value}）。",
  invalidStartYear: "起始年份必須是 1900 到 9999 的整數（目前 {value}）。",
  emptyBudget: "請輸入大於零的總預算。",
  negativeBudget: "總預算不可為負數（目前 {value}）。",
  invalidRevenueTarget: "請輸入大於零的營收目標。",
  invalidBudgetRatio: "預算比例必須大於 0 且不超過 100（目前 {value}）。",
  budgetRatioUnusual: "預算占營收 {value}% 超出常見的 5–15%，請檢查比例。",
  invalidReserve: "預備金比例必須介於 0 與 100 之間（不含 100，目前 {value}）。",
  noChannels: "請至少新增一個通路。",
  duplicateChannelId: "通路編號 {channelId} 重複。",
  emptyChannelName: "請為通路 {channelId} 命名。",
  invalidNumber: "{channel}：此處請輸入數字（目前 {value}）。",
  negativeBound: "{channel}：花費上下限不可為負數（目前 {value}）。",
  minAboveMax: "{channel} 的最低花費（{min}）高於最高花費（{max}）。",
  minAboveTotal: "{channel} 的最低花費（{min}）高於可分配預算（{total}）。",
  boundsInfeasible: "無法滿足通路上下限：最低花費合計 {sumMin}，最高花費合計 {sumMax}，但可分配預算為 {total}。",
  negativeShare: "{channel} 的比例不可為負數（目前 {value}%）。",
  sharesDoNotSumTo100: "比例合計必須為 100%（目前合計 {sum}%）。",
  sharesAllZero: "至少要有一個比例大於零。",
  shareBelowMin: "{channel} 的比例（{share}% = {amount}）低於其最低花費 {min}。",
  shareAboveMax: "{channel} 的比例（{share}% = {amount}）高於其最高花費 {max}。",
  invalidHistory: "{channel} 的第 {row} 筆歷史：{what} 必須是不小於 0 的數字。",
  missingHistory: "{channel} 沒有可用於加權的花費與{outcome}歷史：請補充歷史、輸入假設值，或選擇無歷史通路的處理方式。",
  invalidAssumedMetric: "{channel} 的假設值必須是不小於 0 的數字。",
  weightsAllZero: "所有通路的權重（{metric}）都是零，無法據此分配預算。",
  historyCannotFitCurve:
    "{channel} 的歷史無法配適反應曲線：至少需要 2 個不同花費水準、且{outcome}隨花費上升的資料點（{reason}）。",
  invalidCurve: "{channel} 的反應曲線需要 Vmax > 0、K > 0，且 α 介於 0.1 與 10 之間。",
  noSaturationInHistory: "{channel} 的歷史看不出邊際遞減，其反應曲線屬於外推。",
  invalidMethod: "請選擇分配方式。",
  seasonalityLength: "季節性權重需要 12 個數字（1 月至 12 月，目前 {count} 個）。",
  negativeSeasonality: "第 {row} 個季節性權重必須是不小於 0 的數字。",
  seasonalityAllZero: "至少要有一個季節性權重大於零。",
  seasonalityZeroInPeriod: "計畫期間內每個月的季節性權重都是零。",
  unknownPreset: "未知的季節性預設 {value}。",
  invalidDecimals: "小數位數必須是 0 到 4 的整數（目前 {value}）。",
  invalidAmount: "總預算必須是數字（目前 {value}）。",
};

export const BUDGET_ERRORS: Record<Locale, Readonly<Record<string, string>>> = {
  "en-US": BUDGET_ERROR_MESSAGES,
  "zh-CN": zhCN,
  "zh-TW": zhTW,
};

export function budgetMessage(
  locale: Locale,
  key: string,
  params: Readonly<Record<string, string | number>>,
  fallback: string,
): string {
  const template = BUDGET_ERRORS[locale][key] ?? BUDGET_ERRORS["en-US"][key];
  if (!template) return fallback;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
