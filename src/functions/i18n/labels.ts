/**
 * Labels of spilled tables (header rows, label/value rows) in the three languages. Chosen at calculation time
 * from the user's display language (functionLocale()); ids, function and model names stay English.
 */
import type { Locale } from "../../i18n/locale";

export interface TableLabels {
  /** Time units as shown in headers, "(weeks)". */
  units: { days: string; weeks: string; months: string; years: string };
  clv: {
    customer: string;
    frequency: string;
    /** {unit} is replaced by the unit label. */
    recency: string;
    age: string;
    pAlive: string;
    expectedPurchases: string;
    expectedSpend: string;
    clv: string;
  };
  clvFit: {
    bgnbdLogLikelihood: string;
    gammaGammaLogLikelihood: string;
    customers: string;
    repeatCustomers: string;
    timeUnit: string;
    asOf: string;
  };
  abTest: {
    rateA: string;
    rateB: string;
    relativeLift: string;
    pValue: string;
    /** {confidence} is replaced by e.g. "95%". */
    liftLow: string;
    liftHigh: string;
    significant: string;
  };
  attribution: {
    channel: string;
    conversions: string;
    value: string;
    share: string;
    path: string;
    nulls: string;
    models: {
      first: string;
      last: string;
      last_non_direct: string;
      linear: string;
      position: string;
      time_decay: string;
      markov: string;
      shapley: string;
    };
  };
  /** MKT.COHORT header: cohort label column and cohort size column (the period columns are numbered 0, 1, 2 …). */
  cohort: { cohort: string; size: string };
  /** MKT.CHURN header and total row. */
  churn: { purchases: string; customers: string; churned: string; churnRate: string; total: string };
}

const EN: TableLabels = {
  units: { days: "days", weeks: "weeks", months: "months", years: "years" },
  clv: {
    customer: "Customer",
    frequency: "Frequency",
    recency: "Recency ({unit})",
    age: "T ({unit})",
    pAlive: "P(alive)",
    expectedPurchases: "Expected purchases",
    expectedSpend: "Expected spend",
    clv: "CLV",
  },
  clvFit: {
    bgnbdLogLikelihood: "BG/NBD log-likelihood",
    gammaGammaLogLikelihood: "Gamma-Gamma log-likelihood",
    customers: "Customers",
    repeatCustomers: "Repeat customers",
    timeUnit: "Time unit",
    asOf: "As of",
  },
  abTest: {
    rateA: "Rate A",
    rateB: "Rate B",
    relativeLift: "Relative lift",
    pValue: "p-value",
    liftLow: "Lift CI low ({confidence})",
    liftHigh: "Lift CI high ({confidence})",
    significant: "Significant ({confidence})",
  },
  attribution: {
    channel: "Channel",
    conversions: "Conversions",
    value: "Value",
    share: "Share",
    path: "Path",
    nulls: "Nulls",
    models: {
      first: "First touch",
      last: "Last touch",
      last_non_direct: "Last non-direct",
      linear: "Linear",
      position: "Position-based",
      time_decay: "Time decay",
      markov: "Markov",
      shapley: "Shapley",
    },
  },
  cohort: { cohort: "Cohort", size: "Size" },
  churn: {
    purchases: "Purchases",
    customers: "Customers",
    churned: "Churned",
    churnRate: "Churn rate",
    total: "Total",
  },
};

const ZH_CN: TableLabels = {
  units: { days: "天", weeks: "周", months: "月", years: "年" },
  clv: {
    customer: "客户",
    frequency: "复购次数",
    recency: "最近购买（{unit}）",
    age: "T 客龄（{unit}）",
    pAlive: "存活概率",
    expectedPurchases: "预期购买次数",
    expectedSpend: "预期单次消费",
    clv: "CLV",
  },
  clvFit: {
    bgnbdLogLikelihood: "BG/NBD 对数似然",
    gammaGammaLogLikelihood: "Gamma-Gamma 对数似然",
    customers: "客户数",
    repeatCustomers: "复购客户数",
    timeUnit: "时间单位",
    asOf: "截至日期",
  },
  abTest: {
    rateA: "A 转化率",
    rateB: "B 转化率",
    relativeLift: "相对提升",
    pValue: "p 值",
    liftLow: "提升置信区间下限（{confidence}）",
    liftHigh: "提升置信区间上限（{confidence}）",
    significant: "显著（{confidence}）",
  },
  attribution: {
    channel: "渠道",
    conversions: "转化数",
    value: "价值",
    share: "占比",
    path: "路径",
    nulls: "未转化数",
    models: {
      first: "首次触点",
      last: "末次触点",
      last_non_direct: "末次非直接",
      linear: "线性",
      position: "位置",
      time_decay: "时间衰减",
      markov: "马尔可夫",
      shapley: "Shapley",
    },
  },
  cohort: { cohort: "同期群", size: "人数" },
  churn: { purchases: "购买次数", customers: "客户数", churned: "流失数", churnRate: "流失率", total: "合计" },
};

const ZH_TW: TableLabels = {
  units: { days: "天", weeks: "週", months: "月", years: "年" },
  clv: {
    customer: "客戶",
    frequency: "回購次數",
    recency: "最近購買（{unit}）",
    age: "T 客齡（{unit}）",
    pAlive: "存活機率",
    expectedPurchases: "預期購買次數",
    expectedSpend: "預期單次消費",
    clv: "CLV",
  },
  clvFit: {
    bgnbdLogLikelihood: "BG/NBD 對數概似",
    gammaGammaLogLikelihood: "Gamma-Gamma 對數概似",
    customers: "客戶數",
    repeatCustomers: "回購客戶數",
    timeUnit: "時間單位",
    asOf: "截至日期",
  },
  abTest: {
    rateA: "A 轉換率",
    rateB: "B 轉換率",
    relativeLift: "相對提升",
    pValue: "p 值",
    liftLow: "提升信賴區間下限（{confidence}）",
    liftHigh: "提升信賴區間上限（{confidence}）",
    significant: "顯著（{confidence}）",
  },
  attribution: {
    channel: "管道",
    conversions: "轉換數",
    value: "價值",
    share: "占比",
    path: "路徑",
    nulls: "未轉換數",
    models: {
      first: "首次接觸",
      last: "最終接觸",
      last_non_direct: "最終非直接",
      linear: "線性",
      position: "位置",
      time_decay: "時間衰減",
      markov: "馬可夫",
      shapley: "Shapley",
    },
  },
  cohort: { cohort: "同類群組", size: "人數" },
  churn: { purchases: "購買次數", customers: "客戶數", churned: "流失數", churnRate: "流失率", total: "合計" },
};

export const TABLE_LABELS: Readonly<Record<Locale, TableLabels>> = { "en-US": EN, "zh-CN": ZH_CN, "zh-TW": ZH_TW };
