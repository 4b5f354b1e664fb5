// Offline checks of manifest.xml. `npm run validate` posts the manifest to Microsoft's online validator, which
// CI cannot reach; here Microsoft's own reader (office-addin-manifest) parses it, and we check the elements the
// add-in depends on and the child order the XSD sequences demand (see "How to find the proper order of manifest
// elements", learn.microsoft.com/office/dev/add-ins/develop/manifest-element-ordering).
import { readFileSync } from "node:fs";
import { OfficeAddinManifest } from "office-addin-manifest";
import { parseStringPromise } from "xml2js";
import { beforeAll, describe, expect, it } from "vitest";

interface XNode {
  "#name": string;
  $?: Record<string, string>;
  $$?: XNode[];
}

let root: XNode;

const children = (n: XNode | undefined, name?: string): XNode[] =>
  (n?.$$ ?? []).filter((c) => name === undefined || c["#name"] === name);
const child = (n: XNode | undefined, name: string): XNode | undefined => children(n, name)[0];
const path = (n: XNode | undefined, ...names: string[]): XNode | undefined =>
  names.reduce<XNode | undefined>((acc, name) => child(acc, name), n);

/** Asserts that the element names present appear in the given (schema) order. */
function expectOrder(n: XNode | undefined, order: string[]): void {
  const names = children(n).map((c) => c["#name"]);
  const known = names.filter((x) => order.includes(x));
  expect(known, `unexpected children: ${names.filter((x) => !order.includes(x))}`).toEqual(names);
  const idx = known.map((x) => order.indexOf(x));
  expect([...idx].sort((a, b) => a - b)).toEqual(idx);
}

beforeAll(async () => {
  const xml = readFileSync("manifest.xml", "utf8");
  const doc = await parseStringPromise(xml, {
    explicitChildren: true,
    preserveChildrenOrder: true,
    explicitRoot: true,
  });
  root = doc.OfficeApp as XNode;
  root["#name"] = "OfficeApp";
});

describe("manifest.xml", () => {
  it("is read by Microsoft's office-addin-manifest as an Excel task pane add-in", async () => {
    const info = await OfficeAddinManifest.readManifestFile("manifest.xml");
    expect(info.officeAppType).toBe("TaskPaneApp");
    expect(info.hosts).toEqual(["Workbook"]);
    expect(info.permissions).toBe("ReadWriteDocument");
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(info.version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(info.defaultLocale).toBe("en-US");
  });

  it("keeps the OfficeApp children in the schema's order", () => {
    expectOrder(root, [
      "Id",
      "AlternateId",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "AppDomains",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "VersionOverrides",
    ]);
    const host = path(root, "VersionOverrides", "Hosts", "Host");
    expectOrder(host, ["Runtimes", "AllFormFactors", "DesktopFormFactor"]);
    expectOrder(path(host, "AllFormFactors", "ExtensionPoint"), ["Script", "Page", "Metadata", "Namespace"]);
    expectOrder(path(host, "DesktopFormFactor"), ["GetStarted", "FunctionFile", "ExtensionPoint"]);
    expectOrder(path(root, "VersionOverrides", "Resources"), [
      "bt:Images",
      "bt:Urls",
      "bt:ShortStrings",
      "bt:LongStrings",
    ]);
    const control = path(host, "DesktopFormFactor", "ExtensionPoint", "OfficeTab", "Group", "Control");
    expectOrder(control, ["Label", "Supertip", "Icon", "Action"]);
  });

  it("asks for ReadWriteDocument and nothing more", () => {
    expect(children(root, "Permissions").map((p) => (p as unknown as { _: string })._)).toEqual(["ReadWriteDocument"]);
  });

  it("runs the pane and the custom functions in one long-lived shared runtime", () => {
    const host = path(root, "VersionOverrides", "Hosts", "Host")!;
    const runtime = path(host, "Runtimes", "Runtime")!;
    expect(runtime.$).toMatchObject({ resid: "Taskpane.Url", lifetime: "long" });
    const cf = path(host, "AllFormFactors", "ExtensionPoint")!;
    expect(cf.$?.["xsi:type"]).toBe("CustomFunctions");
    expect(path(cf, "Page", "SourceLocation")?.$?.resid).toBe("Taskpane.Url");
    expect(path(host, "DesktopFormFactor", "FunctionFile")?.$?.resid).toBe("Taskpane.Url");
    const sets = children(path(root, "Requirements", "Sets"), "Set").map((s) => s.$?.Name);
    expect(sets).toContain("SharedRuntime");
  });

  it("declares the MKT namespace and a Home-tab button that opens the pane", () => {
    const shortStrings = children(path(root, "VersionOverrides", "Resources", "bt:ShortStrings"), "bt:String");
    expect(shortStrings.find((s) => s.$?.id === "Functions.Namespace")?.$?.DefaultValue).toBe("MKT");
    const tab = path(root, "VersionOverrides", "Hosts", "Host", "DesktopFormFactor", "ExtensionPoint", "OfficeTab")!;
    expect(tab.$?.id).toBe("TabHome");
    const action = path(tab, "Group", "Control", "Action")!;
    expect(action.$?.["xsi:type"]).toBe("ShowTaskpane");
    expect(path(action, "SourceLocation")?.$?.resid).toBe("Taskpane.Url");
  });

  it("has zh-CN and zh-TW overrides for the name, description and function metadata", () => {
    for (const el of ["DisplayName", "Description"]) {
      const locales = children(child(root, el), "Override").map((o) => o.$?.Locale);
      expect(locales, el).toEqual(["zh-CN", "zh-TW"]);
    }
    const urls = children(path(root, "VersionOverrides", "Resources", "bt:Urls"), "bt:Url");
    const meta = urls.find((u) => u.$?.id === "Functions.Metadata.Url")!;
    expect(children(meta, "bt:Override").map((o) => [o.$?.Locale, o.$?.Value])).toEqual([
      ["zh-CN", "https://localhost:3000/functions.zh-cn.json"],
      ["zh-TW", "https://localhost:3000/functions.zh-tw.json"],
    ]);
  });

  it("defines every resource id it references, with https URLs", () => {
    const xml = readFileSync("manifest.xml", "utf8");
    const used = new Set([...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]));
    const defined = new Set([...xml.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]));
    for (const id of used) expect(defined.has(id), id).toBe(true);
    for (const m of xml.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)) expect(m[1]).toMatch(/^https:\/\//);
  });
});
