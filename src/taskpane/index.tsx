/**
 * Pane bootstrap. On the shared-runtime page Office.js is loaded and Office.onReady reports Excel; on preview.html
 * there is no Office at all and the same app runs against the preview host.
 */
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { excelHost, previewHost, type PaneHost } from "./host";

function start(host: PaneHost): void {
  const el = document.getElementById("root");
  if (el) createRoot(el).render(<App host={host} />);
}

const office = (globalThis as { Office?: typeof Office }).Office;
if (office) {
  void office.onReady((info) => start(info.host ? excelHost() : previewHost()));
} else {
  start(previewHost());
}
