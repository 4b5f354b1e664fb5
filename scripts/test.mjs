// `npm test`: everything a change must pass, in the order that fails fastest: Debian packages present,
// type check, lint, production build (the browser tests load it), then every vitest suite (unit, property,
// metadata, manifest, office-addin-mock, LibreOffice and Chromium tests). Ends with one line
// "N passed, N failed" and exits non-zero on any failure.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { ensureSystemDeps } from "./system-deps.mjs";

const env = { ...process.env, CI: process.env.CI ?? "", NO_UPDATE_NOTIFIER: "1" };

function step(name, cmd, args) {
  console.log(`\n[marketkit] ${name}: ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  if (r.status !== 0) {
    console.log(`\n[marketkit] ${name} failed.`);
    console.log("0 passed, 1 failed");
    process.exit(r.status || 1);
  }
}

ensureSystemDeps();
step("type check", "npx", ["tsc", "--noEmit", "-p", "."]);
step("lint", "npx", ["eslint", "."]);
step("build", "npx", ["webpack", "--mode", "production"]);
mkdirSync("test-results", { recursive: true });
const r = spawnSync(
  "npx",
  ["vitest", "run", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/vitest.json"],
  { stdio: "inherit", env },
);
let passed = 0;
let failed = 0;
try {
  const report = JSON.parse(readFileSync("test-results/vitest.json", "utf8"));
  passed = report.numPassedTests;
  failed = report.numFailedTests + (report.numFailedTestSuites ?? 0);
} catch {
  failed = 1;
}
if (r.status !== 0 && failed === 0) failed = 1;
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
