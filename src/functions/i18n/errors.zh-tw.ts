/** 繁體中文：MKT 函數的錯誤訊息，鍵與 MktError.key 一致。 */
export const MESSAGES_ZH_TW: Readonly<Record<string, string>> = {
  internal: "MarketKit 無法計算此結果，請檢查引數。",
  notANumber: "{arg} 必須是數字。",
  notFinite: "{arg} 不是有限數值。",
  expectedSingleValue: "{arg} 必須是單一值，不能是範圍。",
};
