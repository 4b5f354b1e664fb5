/** Texts of the KPI-target sheet in the three languages (the sheet is written in the wizard's language). */
import type { KpiDirection, KpiStatus, KpiUnit } from "../../core/kpi";
import type { Locale } from "../../i18n/locale";

export type KpiSeasonName = "even" | "chinaRetail" | "westernRetail" | "custom";

export interface KpiSheetText {
  title: string;
  sheetName: string;
  generated: string;
  seasons: Record<KpiSeasonName, string>;
  startYear: string;
  startMonth: string;
  period: string;
  asOf: string;
  asOfHint: string;
  monthsElapsed: string;
  targets: string;
  kpi: string;
  layer: string;
  unit: string;
  direction: string;
  baseline: string;
  floor: string;
  target: string;
  stretch: string;
  owner: string;
  ownerHint: string;
  units: Record<KpiUnit, string>;
  directions: Record<KpiDirection, string>;
  ytd: string;
  ytdHint: string;
  attainment: string;
  status: string;
  ytdActual: string;
  ytdTarget: string;
  ytdFloor: string;
  statusLabels: Record<KpiStatus, string>;
  monthly: string;
  monthlyHint: string;
  planMonth: string;
  seasonality: string;
  quarter: string;
  year: string;
  actuals: string;
  actualsHint: string;
  funnel: string;
  funnelHint: string;
  funnelValue: string;
  funnelPlan: string;
  funnelDeviation: string;
  funnelRevenue: string;
  funnelAov: string;
  funnelConversionRate: string;
  funnelVisitToLead: string;
  funnelLeadToOrder: string;
  funnelNewCustomerShare: string;
  funnelCac: string;
  funnelOrders: string;
  funnelLeads: string;
  funnelVisits: string;
  funnelNewCustomers: string;
  funnelBudget: string;
  chartAttainment: string;
}

export const KPI_TEXT: Record<Locale, KpiSheetText> = {
  "en-US": {
    title: "KPI targets",
    sheetName: "KPI targets",
    generated: "Made with MarketKit; every calculated number is an Excel formula.",
    seasons: {
      even: "Even phasing",
      chinaRetail: "Chinese retail calendar",
      westernRetail: "Western retail calendar",
      custom: "Own seasonality weights",
    },
    startYear: "Start year",
    startMonth: "Start month",
    period: "Plan period",
    asOf: "As of (date)",
    asOfHint: "Type a date in the last month to count; blank: through the last month with any actual.",
    monthsElapsed: "Months elapsed",
    targets: "Targets",
    kpi: "KPI",
    layer: "Layer",
    unit: "Unit",
    direction: "Better when",
    baseline: "Baseline",
    floor: "Floor",
    target: "Target",
    stretch: "Stretch",
    owner: "Owner",
    ownerHint: "Owners (yellow) are kept when MarketKit regenerates the sheet.",
    units: {
      count: "Count",
      currency: "Currency",
      percent: "Percent",
      ratio: "Ratio",
      index: "Index",
      score: "Score",
      months: "Months",
    },
    directions: { higher: "Higher", lower: "Lower" },
    ytd: "Year to date vs pro-rata target",
    ytdHint:
      "Green: at least as good as the target; amber: at least as good as the floor; red: below the floor. Volumes are summed, rates averaged.",
    attainment: "Attainment",
    status: "Status",
    ytdActual: "Actual YTD",
    ytdTarget: "Target YTD (pro-rata)",
    ytdFloor: "Floor YTD (pro-rata)",
    statusLabels: { green: "Green", amber: "Amber", red: "Red" },
    monthly: "Monthly targets",
    monthlyHint: "Volumes are split by the seasonality; rates carry the annual target in every month.",
    planMonth: "Plan month",
    seasonality: "Seasonality",
    quarter: "Q",
    year: "Year",
    actuals: "Actuals",
    actualsHint: "Type actuals in the yellow cells; attainment and status update by themselves.",
    funnel: "Funnel",
    funnelHint: "Derived from the revenue target; a difference beyond 5% is highlighted.",
    funnelValue: "Value",
    funnelPlan: "Plan target",
    funnelDeviation: "Difference",
    funnelRevenue: "Revenue target",
    funnelAov: "Average order value",
    funnelConversionRate: "Conversion rate (orders ÷ visits)",
    funnelVisitToLead: "Visit-to-lead rate",
    funnelLeadToOrder: "Lead-to-order rate",
    funnelNewCustomerShare: "Share of orders from new customers",
    funnelCac: "Customer acquisition cost",
    funnelOrders: "Orders needed",
    funnelLeads: "Leads (sign-ups) needed",
    funnelVisits: "Visits needed",
    funnelNewCustomers: "New customers",
    funnelBudget: "Implied acquisition budget",
    chartAttainment: "Attainment year to date",
  },
  "zh-CN": {
    title: "KPI 目标",
    sheetName: "KPI 目标",
    generated: "由 MarketKit 生成；所有计算结果均为 Excel 公式。",
    seasons: {
      even: "平均分配",
      chinaRetail: "中国零售节奏",
      westernRetail: "欧美零售节奏",
      custom: "自定义季节性权重",
    },
    startYear: "起始年份",
    startMonth: "起始月份",
    period: "计划期间",
    asOf: "截至日期",
    asOfHint: "填写要统计的最后一个月中的任一日期；留空则统计到最后一个有实际值的月份。",
    monthsElapsed: "已过月数",
    targets: "目标",
    kpi: "KPI",
    layer: "层级",
    unit: "单位",
    direction: "越…越好",
    baseline: "基准值",
    floor: "底线",
    target: "目标",
    stretch: "挑战目标",
    owner: "负责人",
    ownerHint: "负责人（黄色单元格）在 MarketKit 重新生成工作表时会保留。",
    units: {
      count: "数量",
      currency: "金额",
      percent: "百分比",
      ratio: "比率",
      index: "指数",
      score: "分数",
      months: "月数",
    },
    directions: { higher: "越高越好", lower: "越低越好" },
    ytd: "年初至今与按进度目标对比",
    ytdHint: "绿：达到目标；黄：达到底线；红：低于底线。数量类指标累加，比率类指标取平均。",
    attainment: "达成率",
    status: "状态",
    ytdActual: "年初至今实际",
    ytdTarget: "年初至今目标（按进度）",
    ytdFloor: "年初至今底线（按进度）",
    statusLabels: { green: "绿", amber: "黄", red: "红" },
    monthly: "月度目标",
    monthlyHint: "数量类指标按季节性拆分；比率类指标每月沿用年度目标。",
    planMonth: "计划月序",
    seasonality: "季节性",
    quarter: "Q",
    year: "全年",
    actuals: "实际值",
    actualsHint: "在黄色单元格中填写实际值，达成率和状态会自动更新。",
    funnel: "漏斗",
    funnelHint: "由收入目标倒推；差异超过 5% 时高亮显示。",
    funnelValue: "数值",
    funnelPlan: "计划目标",
    funnelDeviation: "差异",
    funnelRevenue: "收入目标",
    funnelAov: "客单价",
    funnelConversionRate: "转化率（订单 ÷ 访问）",
    funnelVisitToLead: "访问到线索转化率",
    funnelLeadToOrder: "线索到订单转化率",
    funnelNewCustomerShare: "新客订单占比",
    funnelCac: "获客成本",
    funnelOrders: "所需订单量",
    funnelLeads: "所需线索（注册）量",
    funnelVisits: "所需访问量",
    funnelNewCustomers: "新客数",
    funnelBudget: "隐含获客预算",
    chartAttainment: "年初至今达成率",
  },
  "zh-TW": {
    title: "KPI 目標",
    sheetName: "KPI 目標",
    generated: "由 MarketKit 產生；所有計算結果皆為 Excel 公式。",
    seasons: {
      even: "平均分配",
      chinaRetail: "華人零售節奏",
      westernRetail: "歐美零售節奏",
      custom: "自訂季節性權重",
    },
    startYear: "起始年份",
    startMonth: "起始月份",
    period: "計畫期間",
    asOf: "截至日期",
    asOfHint: "填入要統計的最後一個月中的任一日期；留空則統計到最後一個有實際值的月份。",
    monthsElapsed: "已過月數",
    targets: "目標",
    kpi: "KPI",
    layer: "層級",
    unit: "單位",
    direction: "越…越好",
    baseline: "基準值",
    floor: "底線",
    target: "目標",
    stretch: "挑戰目標",
    owner: "負責人",
    ownerHint: "負責人（黃色儲存格）在 MarketKit 重新產生工作表時會保留。",
    units: {
      count: "數量",
      currency: "金額",
      percent: "百分比",
      ratio: "比率",
      index: "指數",
      score: "分數",
      months: "月數",
    },
    directions: { higher: "越高越好", lower: "越低越好" },
    ytd: "年初至今與按進度目標比較",
    ytdHint: "綠：達到目標；黃：達到底線；紅：低於底線。數量類指標加總，比率類指標取平均。",
    attainment: "達成率",
    status: "狀態",
    ytdActual: "年初至今實際",
    ytdTarget: "年初至今目標（按進度）",
    ytdFloor: "年初至今底線（按進度）",
    statusLabels: { green: "綠", amber: "黃", red: "紅" },
    monthly: "每月目標",
    monthlyHint: "數量類指標依季節性拆分；比率類指標每月沿用年度目標。",
    planMonth: "計畫月序",
    seasonality: "季節性",
    quarter: "Q",
    year: "全年",
    actuals: "實際值",
    actualsHint: "在黃色儲存格填入實際值，達成率與狀態會自動更新。",
    funnel: "漏斗",
    funnelHint: "由營收目標倒推；差異超過 5% 時醒目標示。",
    funnelValue: "數值",
    funnelPlan: "計畫目標",
    funnelDeviation: "差異",
    funnelRevenue: "營收目標",
    funnelAov: "客單價",
    funnelConversionRate: "轉換率（訂單 ÷ 造訪）",
    funnelVisitToLead: "造訪到名單轉換率",
    funnelLeadToOrder: "名單到訂單轉換率",
    funnelNewCustomerShare: "新客訂單占比",
    funnelCac: "獲客成本",
    funnelOrders: "所需訂單數",
    funnelLeads: "所需名單（註冊）數",
    funnelVisits: "所需造訪次數",
    funnelNewCustomers: "新客數",
    funnelBudget: "隱含獲客預算",
    chartAttainment: "年初至今達成率",
  },
};
