// The Debian packages the tests drive: Chromium (browser tests, through playwright-core) and LibreOffice Calc
// (recalculating the workbooks we generate). On a Debian/Ubuntu machine without them, install them with apt-get
// (as root, or through sudo); elsewhere, say what is missing and stop.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
export const SOFFICE = process.env.SOFFICE_PATH || "/usr/bin/soffice";

const NEEDED = [
  { bin: CHROMIUM, pkg: "chromium" },
  { bin: SOFFICE, pkg: "libreoffice-calc" },
];

export function ensureSystemDeps() {
  const missing = NEEDED.filter((d) => !existsSync(d.bin));
  if (missing.length === 0) return;
  const pkgs = missing.map((d) => d.pkg);
  if (!existsSync("/usr/bin/apt-get")) {
    throw new Error(
      `The tests need ${pkgs.join(" and ")} (${missing.map((d) => d.bin).join(", ")}); install them first.`,
    );
  }
  const root = process.getuid?.() === 0;
  const sudo = root ? [] : ["sudo"];
  console.log(`[marketkit] installing Debian packages: ${pkgs.join(" ")}`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const run = (args) => {
    const r = spawnSync(sudo.length ? "sudo" : args[0], sudo.length ? args : args.slice(1), { stdio: "inherit", env });
    if (r.status !== 0) throw new Error(`${args.join(" ")} failed (exit ${r.status})`);
  };
  run(["apt-get", "update", "-qq"]);
  run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", ...pkgs]);
  execFileSync(CHROMIUM, ["--version"], { stdio: "inherit" });
}
