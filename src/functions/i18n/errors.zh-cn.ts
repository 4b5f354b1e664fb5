/** 简体中文：MKT 函数的错误信息，键与 MktError.key 一致。 */
export const MESSAGES_ZH_CN: Readonly<Record<string, string>> = {
  internal: "MarketKit 无法计算此结果，请检查参数。",
  notANumber: "{arg} 必须是数字。",
  notFinite: "{arg} 不是有限数值。",
  expectedSingleValue: "{arg} 必须是单个值，不能是区域。",
};
