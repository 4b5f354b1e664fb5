// Types for the build plugin's pure helpers, which the metadata test calls.
export interface MetadataLike {
  functions: {
    id: string;
    name: string;
    description?: string;
    helpUrl?: string;
    parameters: { name: string; description?: string }[];
  }[];
}
export type Catalog = Record<string, { description?: string; parameters?: Record<string, string> }>;
export function localizeMetadata<T extends MetadataLike>(
  metadata: T,
  catalog: Catalog,
  locale: string,
): { metadata: T; missing: string[] };
export function missingEnglish(metadata: MetadataLike): string[];
export class LocalizedMetadataPlugin {
  constructor(options: { input: string; locales: string[]; catalogDir?: string; urlFrom?: string; urlTo?: string });
  apply(compiler: unknown): void;
}
