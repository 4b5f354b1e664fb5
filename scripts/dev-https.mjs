// HTTPS options for the dev server. Office requires add-ins to be served over HTTPS; office-addin-dev-certs
// makes a localhost certificate and installs its CA as trusted. Installing the CA needs admin rights (sudo on
// Linux); where that fails (containers, no sudo) we still serve the generated certificate and say how to trust it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import devCerts from "office-addin-dev-certs";

export async function devServerHttps() {
  try {
    const o = await devCerts.getHttpsServerOptions();
    return { type: "https", options: { ca: o.ca, key: o.key, cert: o.cert } };
  } catch (err) {
    const dir = path.join(os.homedir(), ".office-addin-dev-certs");
    const files = ["ca.crt", "localhost.crt", "localhost.key"].map((f) => path.join(dir, f));
    if (files.every((f) => fs.existsSync(f))) {
      console.warn(
        `[marketkit] Could not install the development CA as trusted (${String(err).split("\n")[0]}).\n` +
          `[marketkit] Serving the generated certificate anyway; your browser will warn until you trust ${files[0]}.`,
      );
      const [ca, cert, key] = files.map((f) => fs.readFileSync(f));
      return { type: "https", options: { ca, cert, key } };
    }
    console.warn("[marketkit] No development certificate could be made; using a self-signed one.");
    return "https";
  }
}
