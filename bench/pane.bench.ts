/**
 * Pane start-up: the production bundle's size (what the first view loads, gzipped, and what is split off) and
 * time to first render of the standalone preview in Chromium, each run in a new browser context (no cache).
 * Needs a production build in dist/ (npm run build).
 */
import { readFileSync, readdirSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { launchChromium, serveDir } from "../test/browser/browser";
import { measureAsync, note, saveResults } from "./harness";

const html = readFileSync("dist/preview.html", "utf8");
const initial = [...html.matchAll(/src="?\/?([^" >]+\.js)/g)].map((m) => m[1]);
const gz = (f: string) => gzipSync(readFileSync(`dist/${f}`)).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)}KB`;
const initialGz = initial.reduce((s, f) => s + gz(f), 0);
const lazy = readdirSync("dist").filter((f) => f.endsWith(".js") && !initial.includes(f) && !f.startsWith("functions"));
note("bundle: first view (gzipped, target < 400 KB)", {
  files: initial.length,
  gzipped: kb(initialGz),
  ok: initialGz < 400 * 1024 ? "OK" : "MISSED",
});
note("bundle: split off, loaded on demand (gzipped)", {
  chunks: lazy.length,
  gzipped: kb(lazy.reduce((s, f) => s + gz(f), 0)),
});
note("bundle: custom functions (gzipped)", {
  gzipped: kb(
    readdirSync("dist")
      .filter((f) => f.startsWith("functions") && f.endsWith(".js"))
      .reduce((s, f) => s + gz(f), 0),
  ),
});

const server = await serveDir();
const browser = await launchChromium();
await measureAsync(
  "preview: navigation to first render (new context)",
  async () => {
    const context = await browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    await page.goto(server.url + "preview.html");
    await page.getByRole("heading", { name: "MarketKit" }).waitFor();
    await context.close();
  },
  { runs: 9, warmup: 1 },
);
await browser.close();
await server.close();
saveResults("pane.bench.ts");
