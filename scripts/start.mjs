// `npm start`: on Windows and macOS, Microsoft's office-addin-debugging builds nothing itself but starts the dev
// server (npm run dev-server) and sideloads manifest.xml into desktop Excel. Linux and containers have no desktop
// Excel: there we start the dev server only, and print where the standalone preview is and how to sideload the
// add-in into Excel on the web.
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";

const port = process.env.npm_package_config_dev_server_port || 3000;
const desktop = process.platform === "win32" || process.platform === "darwin";
const npx = process.platform === "win32" ? "npx.cmd" : "npx";

if (desktop) {
  const child = spawn(npx, ["office-addin-debugging", "start", "manifest.xml"], { stdio: "inherit" });
  child.on("exit", (code) => process.exit(code ?? 0));
} else {
  console.log(`
[marketkit] No desktop Excel on ${process.platform}: starting the dev server only.
[marketkit]   Standalone preview:  https://localhost:${port}/preview.html
[marketkit]   Excel on the web:    open a workbook, Home > Add-ins > More Add-ins > Upload My Add-in,
[marketkit]                        and upload ./manifest.xml (the dev server must stay running).
[marketkit] Stop with Ctrl+C or \`npm stop\`.
`);
  const child = spawn(npx, ["webpack", "serve", "--mode", "development"], { stdio: "inherit" });
  writeFileSync(".dev-server.pid", String(child.pid));
  const stop = () => child.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  child.on("exit", (code) => process.exit(code ?? 0));
}
