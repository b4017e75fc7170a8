/**
 * `npm start` without a display (scripts/start.ts, on the built extension, in Chromium): it prints every
 * highlight the demo page gets, the same names and strings Gloss's matcher finds in the page's text (not the
 * first few that happen to be registered when the first appears), and it removes its temporary browser
 * profile when it ends, also when stopped with SIGTERM. Each run gets a temp folder of its own as TMPDIR,
 * where the profile is made, so what is left behind is visible.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { aliasSpecs } from '../../src/kb/compile';
import { ENTITIES } from '../../src/kb/entities/index';
import { compileMatcher } from '../../src/shared/matcher/matcher';
import { scanPage } from '../unit/shared/matcher/corpus-scan';
import { browsersUnderTest } from './harness/driver';
import { waitFor } from './harness/page-scripts';
import { REPO_ROOT } from './harness/paths';

const temps: string[] = [];

/** Starts `scripts/start.ts` headless with a TMPDIR of its own; `done` resolves with its exit and output. */
function start(): {
  child: ChildProcess;
  tmp: string;
  done: Promise<{ code: number | null; output: string }>;
} {
  const tmp = mkdtempSync(join(tmpdir(), 'gloss-e2e-start-'));
  temps.push(tmp);
  // node --import tsx rather than npx: signals then reach the script itself, not a wrapper.
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, TMPDIR: tmp, CI: 'true', DISPLAY: '', WAYLAND_DISPLAY: '' },
  });
  let output = '';
  const collect = (d: Buffer): void => {
    output += d;
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const done = new Promise<{ code: number | null; output: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, output })),
  );
  return { child, tmp, done };
}

/** The browser profiles `start.ts` left in `tmp`. */
const profilesIn = (tmp: string): string[] => readdirSync(tmp).filter((f) => f.startsWith('gloss-start-'));

/** Highlight name to the quoted strings of each line `start.ts` printed under "registered in CSS.highlights". */
function printedHighlights(output: string): Record<string, string[]> {
  const lines = output.split('\n');
  const from = lines.findIndex((l) => l.includes('registered in CSS.highlights:'));
  const out: Record<string, string[]> = {};
  for (const line of lines.slice(from + 1)) {
    const m = /^ {2}(gloss-\S+)\s+(.*)$/.exec(line);
    if (!m) break;
    out[m[1]!] = JSON.parse(`[${m[2]}]`) as string[];
  }
  return out;
}

/** What the matcher finds in the demo page, in the same shape, strings sorted. */
function expectedHighlights(): Record<string, string[]> {
  const matcher = compileMatcher(aliasSpecs(ENTITIES));
  const out: Record<string, string[]> = {};
  for (const m of scanPage(join(REPO_ROOT, 'scripts/demo.html'), matcher)) {
    const name = `gloss-${m.entityId}`;
    out[name] = [...(out[name] ?? []), m.text];
  }
  return out;
}

const sortedValues = (h: Record<string, string[]>) =>
  Object.fromEntries(Object.entries(h).map(([k, v]) => [k, [...v].sort()]));

afterAll(() => {
  for (const tmp of temps) rmSync(tmp, { recursive: true, force: true });
});

describe.runIf(browsersUnderTest().includes('chromium'))('npm start without a display (chromium)', () => {
  it('prints every highlight of the settled demo page and removes its browser profile', async () => {
    const run = start();
    const { code, output } = await run.done;
    expect(code, output).toBe(0);
    const printed = printedHighlights(output);
    expect(Object.keys(printed).length, output).toBeGreaterThan(0);
    expect(sortedValues(printed)).toEqual(sortedValues(expectedHighlights()));
    expect(output).toMatch(/screenshot with a saved note saved to /);
    expect(profilesIn(run.tmp)).toEqual([]);
  });

  it('removes its browser profile when stopped with SIGTERM', async () => {
    const run = start();
    // Stopped while Chromium runs on the profile.
    await waitFor(
      async () => profilesIn(run.tmp).length,
      (n) => n === 1,
      { what: 'the browser profile to be created' },
    );
    await waitFor(
      async () => readdirSync(join(run.tmp, profilesIn(run.tmp)[0]!)).length,
      (n) => n > 0,
      { what: 'Chromium to write into the profile' },
    );
    run.child.kill('SIGTERM');
    const { code, output } = await run.done;
    expect(code, output).toBe(143);
    expect(output).toContain('gloss: SIGTERM, closing Chromium');
    expect(profilesIn(run.tmp), output).toEqual([]);
  });
});
