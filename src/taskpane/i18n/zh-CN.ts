import type { Messages } from "./en-US";

/** 简体中文界面文字。 */
export const zhCN: Messages = {
  appTitle: "MarketKit",
  tagline: "面向 Excel 的营销计算与规划表工具。",
  language: "语言",
  languageAuto: "跟随 Office",
  previewBanner: "独立预览：未连接 Excel。",
  homeIntro:
    "MarketKit 为 Excel 增加 MKT 函数（ROI、CAC、LTV、CLV、归因、A/B 测试），并提供向导生成预算、KPI 与用户画像工作表；同事即使没有安装插件也能正常计算。",
  functionsTitle: "函数参考",
  functionsIntro: "在任意单元格中输入，例如 =MKT.ROI(B2:B20, C2:C20, 0.6)。",
  functionsLoading: "正在加载函数列表…",
  functionsFailed: "无法加载函数列表。",
  parameters: "参数",
  optional: "可选",
  wizardsTitle: "规划向导",
  wizardsIntro: "每个向导生成的工作表都只用 Excel 自带函数计算，随时可编辑。",
  open: "打开",
  back: "← 首页",
  steps: "步骤",
  preview: "预览",
  previous: "上一步",
  next: "下一步",
  writeToExcel: "写入 Excel",
  exportXlsx: "导出 .xlsx",
  writtenTo: "{title}已写入工作表 {sheet}。",
  exportedAs: "已保存为 {file}。",
  writeFailed: "未写入任何内容：{reason}",
  help: "帮助",
};
