import type { Messages } from "./en-US";

/** 繁體中文介面文字。 */
export const zhTW: Messages = {
  appTitle: "MarketKit",
  tagline: "為 Excel 打造的行銷計算與規劃表工具。",
  language: "語言",
  languageAuto: "跟隨 Office",
  previewBanner: "獨立預覽：未連接 Excel。",
  homeIntro:
    "MarketKit 為 Excel 加入 MKT 函數（ROI、CAC、LTV、CLV、歸因、A/B 測試），並提供精靈產生預算、KPI 與使用者輪廓工作表；同事即使沒有安裝增益集也能正常計算。",
  functionsTitle: "函數參考",
  functionsIntro: "在任一儲存格輸入，例如 =MKT.ROI(B2:B20, C2:C20, 0.6)。",
  functionsLoading: "正在載入函數清單…",
  functionsFailed: "無法載入函數清單。",
  parameters: "引數",
  optional: "選用",
  wizardsTitle: "規劃精靈",
  wizardsIntro: "每個精靈產生的工作表都只用 Excel 內建函數計算，隨時可編輯。",
  open: "開啟",
  back: "← 首頁",
  steps: "步驟",
  preview: "預覽",
  previous: "上一步",
  next: "下一步",
  writeToExcel: "寫入 Excel",
  exportXlsx: "匯出 .xlsx",
  writtenTo: "{title}已寫入工作表 {sheet}。",
  exportedAs: "已儲存為 {file}。",
  writeFailed: "未寫入任何內容：{reason}",
  help: "說明",
};
