// The standalone preview (what `npm start` serves without Excel) in a real Chromium: it opens in each language,
// follows the browser's language, switches by hand, lists the MKT functions from the generated metadata, and
// logs no console errors.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, SCREENSHOTS, serveDir, type StaticServer } from "./browser";

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveDir();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const CASES = [
  { locale: "en-US", heading: "Function reference", roiText: "Return on investment" },
  { locale: "zh-CN", heading: "函数参考", roiText: "投资回报率" },
  { locale: "zh-TW", heading: "函數參考", roiText: "投資報酬率" },
] as const;

describe("standalone preview", () => {
  for (const c of CASES) {
    it(`opens in ${c.locale} with the function reference`, async () => {
      const context = await browser.newContext({ locale: c.locale, viewport: { width: 420, height: 900 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
      page.on("pageerror", (e) => errors.push(String(e)));
      await page.goto(server.url + "preview.html");
      await page.getByRole("heading", { name: c.heading }).waitFor();
      const list = page.getByTestId("function-list");
      await list.waitFor();
      await expect(list.getByText("MKT.ROI(revenue, cost, [margin])")).toBeDefined();
      expect(await list.textContent()).toContain(c.roiText);
      expect(await list.textContent()).toContain("MKT.PAYBACK");
      await page.screenshot({ path: `${SCREENSHOTS}/preview-home-${c.locale}.png`, fullPage: true });
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it("switches language by hand, overriding the browser's", async () => {
    const context = await browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    await page.goto(server.url + "preview.html");
    await page.getByTestId("language").selectOption("zh-TW");
    await page.getByRole("heading", { name: "函數參考" }).waitFor();
    expect(await page.getByTestId("function-list").textContent()).toContain("投資報酬率");
    await page.getByTestId("language").selectOption("auto");
    await page.getByRole("heading", { name: "Function reference" }).waitFor();
    await context.close();
  });

  it("offers 'prepare for sharing' and says it needs Excel when there is no workbook", async () => {
    const context = await browser.newContext({ locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto(server.url + "preview.html");
    await page.getByTestId("open-share").click();
    await page.getByRole("heading", { name: "共享前准备" }).waitFor();
    expect(await page.getByTestId("share-needs-excel").textContent()).toContain("Excel");
    await context.close();
  });
});
