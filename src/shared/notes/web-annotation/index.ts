/**
 * W3C Web Annotation export (JSON-LD and Markdown) and import, as pure functions the background calls.
 * See vocabulary.ts for the JSON-LD terms and import-annotation.ts for the import rules.
 */
export { ImportError } from './import-error';
export { MAX_ANNOTATIONS, MAX_DEPTH, MAX_FILE_BYTES } from './import-limits';
export { parseAnnotations } from './import-parse';
export { toJsonLd } from './jsonld-export';
export { toMarkdown } from './markdown-export';
export type { ExportOptions, ImportedNote, ParsedImport, ParseOptions, SkippedAnnotation } from './types';
