// The metadata Excel reads is generated from JSDoc by Microsoft's generator; the localized files are derived by
// our build plugin. Every exported function must be registered, documented and translated.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { localizeMetadata, missingEnglish } from "../../scripts/localized-metadata-plugin.mjs";
import * as functionsModule from "../../src/functions/functions";
import { loadRegistry } from "./excel-harness";

const catalogs = {
  "zh-cn": JSON.parse(readFileSync("src/functions/i18n/zh-cn.json", "utf8")),
  "zh-tw": JSON.parse(readFileSync("src/functions/i18n/zh-tw.json", "utf8")),
};

describe("custom-function metadata", async () => {
  const reg = await loadRegistry();

  it("generates without errors", () => {
    expect(reg.errors).toEqual([]);
  });

  it("registers every exported function under an upper-case id", () => {
    const exported = Object.keys(functionsModule).sort();
    const registered = [...reg.byId.values()].map((e) => e.fn.name).sort();
    expect(registered).toEqual(exported);
    for (const f of reg.metadata.functions) expect(f.id).toMatch(/^[A-Z][A-Z0-9.]*$/);
  });

  it("documents every function and parameter in English with a help URL into docs/functions.md", () => {
    expect(missingEnglish(reg.metadata)).toEqual([]);
    const doc = readFileSync("docs/functions.md", "utf8");
    for (const f of reg.metadata.functions) {
      expect(f.helpUrl).toBe(`https://localhost:3000/docs/functions.md#mkt${f.id.toLowerCase().replace(/\./g, "")}`);
      expect(doc, f.id).toContain(`## MKT.${f.id}\n`);
    }
  });

  it("has zh-CN and zh-TW text for every function and parameter, ids and names unchanged", () => {
    for (const [locale, catalog] of Object.entries(catalogs)) {
      const { metadata, missing } = localizeMetadata(reg.metadata, catalog, locale);
      expect(missing, locale).toEqual([]);
      expect(metadata.functions.map((f: { id: string; name: string }) => [f.id, f.name])).toEqual(
        reg.metadata.functions.map((f) => [f.id, f.name]),
      );
      expect(JSON.stringify(metadata)).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("lists ROI in the MKT namespace with matrix parameters and a matrix result", () => {
    const roi = reg.metadata.functions.find((f) => f.id === "ROI")!;
    expect(roi.parameters.map((p) => [p.name, p.dimensionality, p.optional ?? false])).toEqual([
      ["revenue", "matrix", false],
      ["cost", "matrix", false],
      ["margin", "matrix", true],
    ]);
    expect(roi.result.dimensionality).toBe("matrix");
    const manifest = readFileSync("manifest.xml", "utf8");
    expect(manifest).toContain('<bt:String id="Functions.Namespace" DefaultValue="MKT"/>');
  });
});
