/**
 * The KPI core's messages in Chinese: every key of KPI_ERROR_MESSAGES and KPI_WARNING_MESSAGES, with the same
 * placeholders (English comes from the core). The wizard localizes the params first ({kpi} → the KPI's name,
 * {field} → the field's name, numbers formatted), see state.ts.
 */
import { KPI_ERROR_MESSAGES, KPI_WARNING_MESSAGES } from "../../../core/kpi";
import type { Locale } from "../../../i18n/locale";

const errorsCN: Record<string, string> = {
  unknownKpi: "未知的 KPI“{kpi}”。",
  duplicateKpi: "{kpi} 在计划中出现了不止一次。",
  invalidKpiId: "{field} 必须以字母开头，且只能包含字母、数字和下划线（当前为“{kpi}”）。",
  kpiIdTaken: "“{kpi}”已是 KPI 编号，请换一个。",
  invalidKpiName: "{kpi}：名称不能为空。",
  invalidOption: "{kpi}：{field} 必须是 {expected} 之一。",
  aggregationNotAllowed: "{kpi}：以{unit}计量的 KPI 不能跨期累加，请选择“平均（比率）”。",
  invalidWeightKpi: "{kpi}：权重 KPI“{weightKpi}”必须是已知的数量类（累加）KPI。",
  invalidBounds: "{kpi}：最小值（{min}）不能大于最大值（{max}）。",
  notANumber: "{kpi}：{field} 必须是数字。",
  negativeValue: "{kpi}：{field} 不能为负数（当前 {value}）。",
  notPositive: "{kpi}：{field} 必须大于 0（当前 {value}）。",
  rateOver100: "{kpi}：{field} 为 {value}，超过 100%；请输入 0% 到 100% 之间的百分比。",
  outOfRange: "{kpi}：{field} 必须介于 {min} 与 {max} 之间（当前 {value}）。",
  belowMinimum: "{kpi}：{field} 不能小于 {min}（当前 {value}）。",
  aboveMaximum: "{kpi}：{field} 不能大于 {max}（当前 {value}）。",
  invalidMultiplier: "{kpi}：{field} 必须是大于 0 的数字（当前 {value}）。",
  notWholeNumber: "{field} 必须是不小于 0 的整数（当前 {value}）。",
  valueTooLarge: "{kpi}：{field} 太大，无法精确拆分（最大 {max}）。",
  baselineRequiredForPercent: "{kpi}：按百分比变化设定目标需要基准值（上一期的数值）。",
  baselineZeroForPercent: "{kpi}：基准值为 0，无法按百分比变化；请直接输入目标数值。",
  baselineRequiredForFloor: "{kpi}：底线规则要用到基准值；请输入上一期的数值，或直接输入底线。",
  derivedTargetMissing: "{kpi}：目标应由漏斗推算，但漏斗没有给出它的数值。",
  stretchBelowFloor: "{kpi}：挑战目标（{stretch}）必须至少与底线（{floor}）一样好。",
  stretchBelowTarget: "{kpi}：挑战目标（{stretch}）必须至少与目标（{target}）一样好。",
  targetOutsideRange: "{kpi}：目标（{target}）必须介于底线（{floor}）与挑战目标（{stretch}）之间。",
  weightsLength: "{field} 需要 {expected} 个数值，从 1 月起每个日历月一个（当前 {n} 个）。",
  invalidWeight: "{field} 的第 {index} 个数值必须是不小于 0 的数字。",
  weightsAllZero: "{field} 中至少要有一个权重大于 0。",
  invalidStartMonth: "{field} 必须是 1（1 月）到 12 的整数（当前 {value}）。",
  invalidYear: "{field} 必须是 1900 到 9999 之间的年份（当前 {value}）。",
  invalidDecimals: "{field} 必须是 0 到 4 的整数（当前 {value}）。",
  invalidMonthsElapsed: "{field} 必须是 0 到 {max} 的整数（当前 {value}）。",
  lengthMismatch: "{kpi}：{field} 的月数必须与 {other} 相同（{n} 对 {m}）。",
  noMonthsElapsed: "{kpi}：计划尚未过完任何一个月，因此还没有年初至今的比率。",
  targetZero: "{kpi}：目标为 0，达成率（实际 ÷ 目标）会除以零。",
  attainmentUndefined: "{kpi}：目标 {target}、实际 {actual} 时达成率没有意义。",
};

const errorsTW: Record<string, string> = {
  unknownKpi: "未知的 KPI「{kpi}」。",
  duplicateKpi: "{kpi} 在計畫中出現了不只一次。",
  invalidKpiId: "{field} 必須以字母開頭，且只能包含字母、數字與底線（目前為「{kpi}」）。",
  kpiIdTaken: "「{kpi}」已是 KPI 編號，請換一個。",
  invalidKpiName: "{kpi}：名稱不可空白。",
  invalidOption: "{kpi}：{field} 必須是 {expected} 之一。",
  aggregationNotAllowed: "{kpi}：以{unit}計量的 KPI 不可跨期加總，請選擇「平均（比率）」。",
  invalidWeightKpi: "{kpi}：權重 KPI「{weightKpi}」必須是已知的數量類（加總）KPI。",
  invalidBounds: "{kpi}：最小值（{min}）不可大於最大值（{max}）。",
  notANumber: "{kpi}：{field} 必須是數字。",
  negativeValue: "{kpi}：{field} 不可為負數（目前 {value}）。",
  notPositive: "{kpi}：{field} 必須大於 0（目前 {value}）。",
  rateOver100: "{kpi}：{field} 為 {value}，超過 100%；請輸入 0% 到 100% 之間的百分比。",
  outOfRange: "{kpi}：{field} 必須介於 {min} 與 {max} 之間（目前 {value}）。",
  belowMinimum: "{kpi}：{field} 不可小於 {min}（目前 {value}）。",
  aboveMaximum: "{kpi}：{field} 不可大於 {max}（目前 {value}）。",
  invalidMultiplier: "{kpi}：{field} 必須是大於 0 的數字（目前 {value}）。",
  notWholeNumber: "{field} 必須是不小於 0 的整數（目前 {value}）。",
  valueTooLarge: "{kpi}：{field} 太大，無法精確拆分（最大 {max}）。",
  baselineRequiredForPercent: "{kpi}：依百分比變化設定目標需要基準值（上一期的數值）。",
  baselineZeroForPercent: "{kpi}：基準值為 0，無法依百分比變化；請直接輸入目標數值。",
  baselineRequiredForFloor: "{kpi}：底線規則會用到基準值；請輸入上一期的數值，或直接輸入底線。",
  derivedTargetMissing: "{kpi}：目標應由漏斗推算，但漏斗沒有給出它的數值。",
  stretchBelowFloor: "{kpi}：挑戰目標（{stretch}）必須至少與底線（{floor}）一樣好。",
  stretchBelowTarget: "{kpi}：挑戰目標（{stretch}）必須至少與目標（{target}）一樣好。",
  targetOutsideRange: "{kpi}：目標（{target}）必須介於底線（{floor}）與挑戰目標（{stretch}）之間。",
  weightsLength: "{field} 需要 {expected} 個數值，從 1 月起每個日曆月一個（目前 {n} 個）。",
  invalidWeight: "{field} 的第 {index} 個數值必須是不小於 0 的數字。",
  weightsAllZero: "{field} 中至少要有一個權重大於 0。",
  invalidStartMonth: "{field} 必須是 1（1 月）到 12 的整數（目前 {value}）。",
  invalidYear: "{field} 必須是 1900 到 9999 之間的年份（目前 {value}）。",
  invalidDecimals: "{field} 必須是 0 到 4 的整數（目前 {value}）。",
  invalidMonthsElapsed: "{field} 必須是 0 到 {max} 的整數（目前 {value}）。",
  lengthMismatch: "{kpi}：{field} 的月數必須與 {other} 相同（{n} 對 {m}）。",
  noMonthsElapsed: "{kpi}：計畫尚未過完任何一個月，因此還沒有年初至今的比率。",
  targetZero: "{kpi}：目標為 0，達成率（實際 ÷ 目標）會除以零。",
  attainmentUndefined: "{kpi}：目標 {target}、實際 {actual} 時達成率沒有意義。",
};

const warningsCN: Record<string, string> = {
  typedBelowDerived: "{kpi}：输入的{field}目标（{typed}）比漏斗为达成收入目标所需的 {derived} 低 {deviation}%。",
  typedAboveDerived: "{kpi}：输入的{field}目标（{typed}）比漏斗由收入目标推算的 {derived} 高 {deviation}%。",
  conversionRateMismatch:
    "转化率（{conversionRate}）与访问到线索 × 线索到订单转化率（{chained}）相差 {deviation}%；访问量按线索链路推算。",
  valueClamped: "{kpi}：{field}规则得出 {value}，超出有效范围，已调整为 {clamped}。",
};

const warningsTW: Record<string, string> = {
  typedBelowDerived: "{kpi}：輸入的{field}目標（{typed}）比漏斗為達成營收目標所需的 {derived} 低 {deviation}%。",
  typedAboveDerived: "{kpi}：輸入的{field}目標（{typed}）比漏斗由營收目標推算的 {derived} 高 {deviation}%。",
  conversionRateMismatch:
    "轉換率（{conversionRate}）與造訪到名單 × 名單到訂單轉換率（{chained}）相差 {deviation}%；造訪次數依名單鏈路推算。",
  valueClamped: "{kpi}：{field}規則得出 {value}，超出有效範圍，已調整為 {clamped}。",
};

/** Error templates by locale (English is the core's own catalog). */
export const KPI_ERRORS: Record<Locale, Readonly<Record<string, string>>> = {
  "en-US": KPI_ERROR_MESSAGES,
  "zh-CN": errorsCN,
  "zh-TW": errorsTW,
};

/** Warning templates by locale (English is the core's own catalog). */
export const KPI_WARNINGS: Record<Locale, Readonly<Record<string, string>>> = {
  "en-US": KPI_WARNING_MESSAGES,
  "zh-CN": warningsCN,
  "zh-TW": warningsTW,
};

function fill(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** A core error in `locale` (English, then `fallback`, when the key is unknown). */
export function kpiErrorMessage(
  locale: Locale,
  key: string,
  params: Readonly<Record<string, string | number>>,
  fallback: string,
): string {
  const template = KPI_ERRORS[locale][key] ?? KPI_ERRORS["en-US"][key];
  return template ? fill(template, params) : fallback;
}

/** A core warning in `locale` (English, then `fallback`, when the key is unknown). */
export function kpiWarningMessage(
  locale: Locale,
  key: string,
  params: Readonly<Record<string, string | number>>,
  fallback: string,
): string {
  const template = KPI_WARNINGS[locale][key] ?? KPI_WARNINGS["en-US"][key];
  return template ? fill(template, params) : fallback;
}
