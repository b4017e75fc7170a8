/**
 * `npm run build`: compiles the knowledge base, bundles every context with esbuild, and writes
 * dist/chrome and dist/firefox (each with its own manifest) plus a store zip for each.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, build } from 'esbuild';
import { compileKb } from '../src/kb/compile';
import { ENTITIES } from '../src/kb/entities/index';
import { SOURCES } from '../src/kb/sources/index';
import { highlightCss } from './highlight-css';
import { manifestFor, type Target } from './manifest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const targets: Target[] = ['chrome', 'firefox'];
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
const baseManifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as Record<string, unknown>;

const entries: Record<string, string> = {
  background: 'src/background/index.ts',
  content: 'src/content/index.ts',
  'page-hook': 'src/content/page-hook.ts',
  popup: 'src/pages/popup/main.tsx',
  options: 'src/pages/options/main.tsx',
  reader: 'src/pages/reader/main.tsx',
  entity: 'src/pages/entity/main.tsx',
  dashboard: 'src/pages/dashboard/main.tsx',
};

/**
 * Chunks the content script imports on first use (`import(runtime.getURL(…))`): ES modules, listed in the
 * manifest's `web_accessible_resources`. The article reader holds Readability, which only keeping a page as
 * a source needs, so every page's content script starts without it.
 */
const lazyChunks: Record<string, string> = {
  'article-reader': 'src/content/sources/article-reader.ts',
};

async function main(): Promise<void> {
  const started = Date.now();
  const kb = compileKb(ENTITIES, SOURCES);
  const staging = join(dist, '.staging');
  rmSync(staging, { recursive: true, force: true });
  const common: BuildOptions = {
    absWorkingDir: root,
    outdir: staging,
    bundle: true,
    target: ['chrome128', 'firefox128'],
    // Readable output: store reviewers read it, and stack traces in bug reports stay useful.
    minify: false,
    legalComments: 'none',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'warning',
  };
  await build({ ...common, entryPoints: entries, format: 'iife' });
  await build({ ...common, entryPoints: lazyChunks, format: 'esm' });

  for (const target of targets) {
    const out = join(dist, target);
    rmSync(out, { recursive: true, force: true });
    cpSync(join(root, 'extension'), out, { recursive: true });
    cpSync(staging, out, { recursive: true });
    mkdirSync(join(out, 'kb'), { recursive: true });
    writeFileSync(join(out, 'kb', 'bundle.json'), JSON.stringify(kb));
    writeFileSync(join(out, 'content.css'), highlightCss(kb.entities));
    writeFileSync(
      join(out, 'manifest.json'),
      `${JSON.stringify(manifestFor(baseManifest, target, pkg.version), null, 2)}\n`,
    );
    if (!process.argv.includes('--no-zip')) zip(out, target);
  }
  rmSync(staging, { recursive: true, force: true });
  console.log(
    `gloss: built dist/chrome and dist/firefox in ${Date.now() - started} ms ` +
      `(KB ${kb.version}: ${kb.entities.length} entities, ${kb.mentions.length} source mentions, ${kb.passages.length} passages)`,
  );
}

/** Writes the store zip with web-ext, which packs exactly what a store upload needs. */
function zip(dir: string, target: Target): void {
  const webExt = join(root, 'node_modules', '.bin', 'web-ext');
  execFileSync(
    webExt,
    [
      'build',
      '--source-dir',
      dir,
      '--artifacts-dir',
      dist,
      '--filename',
      `gloss-${target}-${pkg.version}.zip`,
      '--overwrite-dest',
    ],
    { stdio: 'ignore' },
  );
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
