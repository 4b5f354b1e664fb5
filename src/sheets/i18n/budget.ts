/** Texts of the budget sheet in the three languages (the sheet is written in the wizard's language). */
import type { Locale } from "../../i18n/locale";

export interface BudgetSheetText {
  title: string;
  sheetName: string;
  generated: string;
  methods: Record<"fixedShares" | "weighted" | "optimized", string>;
  totalBudget: string;
  reservePercent: string;
  reserve: string;
  allocatable: string;
  threshold: string;
  planned: string;
  channel: string;
  total: string;
  share: string;
  reserveLine: string;
  budgetWithReserve: string;
  actual: string;
  actualHint: string;
  notes: string;
  variance: string;
  variancePercent: string;
  returns: string;
  plannedSpend: string;
  expectedRevenue: string;
  expectedConversions: string;
  roi: string;
  cpa: string;
  historicalRoas: string;
  historicalConversionRate: string;
  curveVmax: string;
  curveK: string;
  curveAlpha: string;
  sensitivity: string;
  sensitivityHint: string;
  sensitivityConversions: string;
  cpaChange: string;
  aovChange: string;
  chartByMonth: string;
  chartShare: string;
}

export const BUDGET_TEXT: Record<Locale, BudgetSheetText> = {
  "en-US": {
    title: "Marketing budget",
    sheetName: "Budget",
    generated: "Made with MarketKit; every number below is an Excel formula or a value you can edit.",
    methods: {
      fixedShares: "Fixed shares",
      weighted: "Weighted by history",
      optimized: "Optimized on response curves",
    },
    totalBudget: "Total budget",
    reservePercent: "Contingency reserve %",
    reserve: "Contingency reserve",
    allocatable: "Allocatable",
    threshold: "Warning when spend exceeds plan by",
    planned: "Planned spend",
    channel: "Channel",
    total: "Total",
    share: "Share",
    reserveLine: "Contingency reserve",
    budgetWithReserve: "Budget incl. reserve",
    actual: "Actual spend",
    actualHint: "Type actual spend in the yellow cells; variance updates by itself.",
    notes: "Notes",
    variance: "Variance (actual − plan)",
    variancePercent: "Variance %",
    returns: "Expected return",
    plannedSpend: "Planned spend",
    expectedRevenue: "Expected revenue",
    expectedConversions: "Expected conversions",
    roi: "ROI",
    cpa: "Cost per conversion",
    historicalRoas: "Historical revenue per spend",
    historicalConversionRate: "Historical conversions per spend",
    curveVmax: "Curve: saturation",
    curveK: "Curve: half-saturation spend",
    curveAlpha: "Curve: shape",
    sensitivity: "ROI sensitivity",
    sensitivityHint: "Rows: cost per acquisition change; columns: average order value change.",
    sensitivityConversions: "Conversions when cost per conversion changes",
    cpaChange: "CPA change",
    aovChange: "AOV change",
    chartByMonth: "Planned spend by month",
    chartShare: "Share by channel",
  },
  "zh-CN": {
    title: "营销预算",
    sheetName: "预算",
    generated: "由 MarketKit 生成；下方数字均为 Excel 公式或可编辑的数值。",
    methods: { fixedShares: "固定比例", weighted: "按历史表现加权", optimized: "按响应曲线优化" },
    totalBudget: "总预算",
    reservePercent: "预留金比例",
    reserve: "预留金",
    allocatable: "可分配预算",
    threshold: "超出计划预警阈值",
    planned: "计划花费",
    channel: "渠道",
    total: "合计",
    share: "占比",
    reserveLine: "预留金",
    budgetWithReserve: "含预留金预算",
    actual: "实际花费",
    actualHint: "在黄色单元格中填写实际花费，差异会自动更新。",
    notes: "备注",
    variance: "差异（实际 − 计划）",
    variancePercent: "差异 %",
    returns: "预期回报",
    plannedSpend: "计划花费",
    expectedRevenue: "预期收入",
    expectedConversions: "预期转化数",
    roi: "ROI",
    cpa: "单次转化成本",
    historicalRoas: "历史每元花费收入",
    historicalConversionRate: "历史每元花费转化数",
    curveVmax: "曲线：饱和值",
    curveK: "曲线：半饱和花费",
    curveAlpha: "曲线：形状",
    sensitivity: "ROI 敏感性",
    sensitivityHint: "行：获客成本变化；列：客单价变化。",
    sensitivityConversions: "单次转化成本变化时的转化数",
    cpaChange: "CPA 变化",
    aovChange: "客单价变化",
    chartByMonth: "按月计划花费",
    chartShare: "渠道占比",
  },
  "zh-TW": {
    title: "行銷預算",
    sheetName: "預算",
    generated: "由 MarketKit 產生；下方數字皆為 Excel 公式或可編輯的數值。",
    methods: { fixedShares: "固定比例", weighted: "依歷史表現加權", optimized: "依反應曲線最佳化" },
    totalBudget: "總預算",
    reservePercent: "預備金比例",
    reserve: "預備金",
    allocatable: "可分配預算",
    threshold: "超出計畫警示門檻",
    planned: "計畫花費",
    channel: "通路",
    total: "合計",
    share: "占比",
    reserveLine: "預備金",
    budgetWithReserve: "含預備金預算",
    actual: "實際花費",
    actualHint: "在黃色儲存格填入實際花費，差異會自動更新。",
    notes: "備註",
    variance: "差異（實際 − 計畫）",
    variancePercent: "差異 %",
    returns: "預期回報",
    plannedSpend: "計畫花費",
    expectedRevenue: "預期營收",
    expectedConversions: "預期轉換數",
    roi: "ROI",
    cpa: "每次轉換成本",
    historicalRoas: "歷史每元花費營收",
    historicalConversionRate: "歷史每元花費轉換數",
    curveVmax: "曲線：飽和值",
    curveK: "曲線：半飽和花費",
    curveAlpha: "曲線：形狀",
    sensitivity: "ROI 敏感度",
    sensitivityHint: "列：獲客成本變化；欄：客單價變化。",
    sensitivityConversions: "每次轉換成本變化時的轉換數",
    cpaChange: "CPA 變化",
    aovChange: "客單價變化",
    chartByMonth: "每月計畫花費",
    chartShare: "通路占比",
  },
};
