// The budget wizard in the standalone preview, in a real Chromium: complete it in zh-CN and en-US, see errors at
// the fields as you type (shares that do not add up, with the offer to normalize), preview the sheet, export a
// real .xlsx and read it back.
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
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

async function openWizard(locale: string): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ locale, viewport: { width: 460, height: 1000 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(server.url + "preview.html");
  await page.getByTestId("open-budget").click();
  await page.getByTestId("step-period").waitFor();
  return { page, errors, close: () => context.close() };
}

async function exportAndRead(page: Page): Promise<ExcelJS.Workbook> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export").click()]);
  const path = await download.path();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path!).buffer as ArrayBuffer);
  return wb;
}

describe("budget wizard in the preview", () => {
  it("zh-CN: defaults through to an exported workbook", async () => {
    const { page, errors, close } = await openWizard("zh-CN");
    await page.getByTestId("field-total").fill("2,000,000");
    await page.getByTestId("next").click();
    await page.getByTestId("step-channels").waitFor();
    await page.getByTestId("custom-channel").fill("=小红书");
    await page.getByTestId("add-channel").click();
    await page.getByTestId("next").click();
    await page.getByTestId("step-allocation").waitFor();
    // Four channels now: the shares (40/35/25/0) still add up to 100.
    await page.getByTestId("share-custom1").fill("10");
    await expect.poll(() => page.getByText("比例合计必须为 100%").count()).toBeGreaterThan(0);
    await page.getByTestId("normalize").click();
    await expect.poll(() => page.getByTestId("next").isEnabled()).toBe(true);
    await page.getByTestId("next").click();
    await page.getByTestId("step-preview").waitFor();
    const grid = page.getByTestId("preview-grid");
    expect(await grid.textContent()).toContain("营销预算");
    expect(await grid.textContent()).toContain("=小红书");
    await page.screenshot({ path: `${SCREENSHOTS}/budget-preview-zh-CN.png`, fullPage: true });
    const wb = await exportAndRead(page);
    const ws = wb.getWorksheet("预算 " + (new Date().getFullYear() + 1))!;
    expect(ws).toBeDefined();
    expect(ws.getCell("B4").value).toBe(2000000);
    const names = ws.getColumn(1).values as unknown[];
    expect(names).toContain("=小红书");
    expect(await page.getByTestId("outcome").textContent()).toContain(".xlsx");
    expect(errors).toEqual([]);
    await close();
  });

  it("en-US: a negative budget is reported at its field and blocks the next step", async () => {
    const { page, errors, close } = await openWizard("en-US");
    await page.getByTestId("field-total").fill("-5");
    await expect.poll(() => page.getByText("must not be negative").count()).toBeGreaterThan(0);
    expect(await page.getByTestId("next").isDisabled()).toBe(true);
    await page.getByTestId("field-total").fill("500000");
    await page.getByTestId("next").click();
    await page.getByTestId("next").click();
    await page.getByTestId("step-allocation").waitFor();
    await page.getByLabel("Optimized: maximize expected revenue (response curves)").check();
    // No history yet: the optimizer cannot fit curves, and says so for each channel.
    await expect.poll(() => page.getByText("cannot fit a response curve").count()).toBeGreaterThan(0);
    await page.getByLabel("Fixed shares I type").check();
    await page.getByTestId("next").click();
    await page.getByTestId("step-preview").waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/budget-preview-en-US.png`, fullPage: true });
    const wb = await exportAndRead(page);
    expect(wb.worksheets[0].getCell("A1").value).toMatch(/^Marketing budget/);
    expect(errors).toEqual([]);
    await close();
  });
});
