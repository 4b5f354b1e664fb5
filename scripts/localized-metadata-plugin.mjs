// Excel reads one custom-functions metadata file per display language (manifest: <bt:Override Locale="zh-cn">
// on Functions.Metadata.Url). Microsoft's generator writes only the JSDoc (English) one, so this plugin derives
// functions.<locale>.json from it plus the message catalogs in src/functions/i18n/, keeping ids and names, and
// fails the build when any function or parameter lacks a description in any language.
import fs from "node:fs";
import path from "node:path";
import webpack from "webpack";

export function localizeMetadata(metadata, catalog, locale) {
  const missing = [];
  const functions = metadata.functions.map((f) => {
    const entry = catalog[f.id];
    if (!entry?.description) missing.push(`${locale}: ${f.id}`);
    const parameters = f.parameters.map((p) => {
      const d = entry?.parameters?.[p.name];
      if (!d) missing.push(`${locale}: ${f.id}(${p.name})`);
      return { ...p, description: d ?? p.description };
    });
    return { ...f, description: entry?.description ?? f.description, parameters };
  });
  const extra = Object.keys(catalog).filter((id) => !metadata.functions.some((f) => f.id === id));
  for (const id of extra) missing.push(`${locale}: catalog entry ${id} has no function`);
  return { metadata: { ...metadata, functions }, missing };
}

export function missingEnglish(metadata) {
  const missing = [];
  for (const f of metadata.functions) {
    if (!f.description) missing.push(`en: ${f.id}`);
    if (!f.helpUrl) missing.push(`en: ${f.id} has no @helpurl`);
    for (const p of f.parameters) if (!p.description) missing.push(`en: ${f.id}(${p.name})`);
  }
  return missing;
}

export class LocalizedMetadataPlugin {
  constructor({ input, locales, catalogDir = "src/functions/i18n", urlFrom, urlTo }) {
    Object.assign(this, { input, locales, catalogDir, urlFrom, urlTo });
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("LocalizedMetadataPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "LocalizedMetadataPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const asset = compilation.getAsset(this.input);
          if (!asset) return; // the metadata plugin has already reported why
          let text = asset.source.source().toString();
          if (this.urlFrom && this.urlTo) text = text.replaceAll(this.urlFrom, this.urlTo);
          const metadata = JSON.parse(text);
          const problems = missingEnglish(metadata);
          compilation.updateAsset(this.input, new webpack.sources.RawSource(JSON.stringify(metadata, null, 2)));
          for (const locale of this.locales) {
            const file = path.resolve(compiler.context, this.catalogDir, `${locale}.json`);
            compilation.fileDependencies.add(file);
            const catalog = JSON.parse(fs.readFileSync(file, "utf8"));
            const { metadata: localized, missing } = localizeMetadata(metadata, catalog, locale);
            problems.push(...missing);
            const name = this.input.replace(/\.json$/, `.${locale}.json`);
            compilation.emitAsset(name, new webpack.sources.RawSource(JSON.stringify(localized, null, 2)));
          }
          for (const p of problems) compilation.errors.push(new webpack.WebpackError(`Function help missing: ${p}`));
        },
      );
    });
  }
}
