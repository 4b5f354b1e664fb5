// `npm stop`: unregister the sideloaded add-in and stop the dev server (office-addin-debugging on Windows and
// macOS); on Linux, stop the dev server that `npm start` started.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";

if (process.platform === "win32" || process.platform === "darwin") {
  const npx = process.platform === "win32" ? "npx.cmd" : "npx";
  const r = spawnSync(npx, ["office-addin-debugging", "stop", "manifest.xml"], { stdio: "inherit" });
  process.exit(r.status ?? 0);
} else if (existsSync(".dev-server.pid")) {
  const pid = Number(readFileSync(".dev-server.pid", "utf8"));
  try {
    process.kill(pid, "SIGTERM");
    console.log(`[marketkit] stopped the dev server (pid ${pid}).`);
  } catch {
    console.log("[marketkit] the dev server was not running.");
  }
  rmSync(".dev-server.pid");
} else {
  console.log("[marketkit] no dev server started by npm start is running.");
}
