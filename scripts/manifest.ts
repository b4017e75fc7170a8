/**
 * Per-browser manifests from the one source manifest. Browser differences live here, in `platform/` and in
 * feature detection only (house style): Chrome runs a service worker and silently ignores
 * `background.scripts`; Firefox refuses a manifest that has only `background.service_worker`.
 */

/** The browsers Gloss builds for. */
export type Target = 'chrome' | 'firefox';

/** Gecko id of the Firefox build; tests pin the extension's moz-extension UUID with it. */
export const GECKO_ID = 'gloss@gloss-extension.org';

type Manifest = Record<string, unknown>;

/** Returns the manifest for `target` with `version` from package.json. */
export function manifestFor(base: Manifest, target: Target, version: string): Manifest {
  const m: Manifest = structuredClone(base);
  m.version = version;
  // The address bar's `gl` keyword (background/search/omnibox.ts); both browsers take the same key.
  m.omnibox = { keyword: 'gl' };
  if (target === 'chrome') {
    m.background = { service_worker: 'background.js' };
    // caretPositionFromPoint (hit-testing highlights) arrived in Chrome 128.
    m.minimum_chrome_version = '128';
  } else {
    m.background = { scripts: ['background.js'] };
    m.browser_specific_settings = {
      gecko: {
        id: GECKO_ID,
        // 142 is the first version that understands data_collection_permissions; the CSS Custom
        // Highlight API needs 140.
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      },
    };
  }
  return m;
}
