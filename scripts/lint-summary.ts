/**
 * `npm test`'s web-ext lint step in one line, from `web-ext lint --output json`:
 * "web-ext lint: 0 errors, 5 warnings (5× UNSAFE_VAR_ASSIGNMENT: Unsafe assignment to innerHTML, in …)".
 * Errors are listed below that line, one each, and fail the step; warnings and notices do not.
 *
 *   npx tsx scripts/lint-summary.ts .tmp/web-ext-lint.json
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** One finding of addons-linter, as web-ext's JSON output gives it. */
export interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
}

/** The parts of web-ext's JSON lint report read here. */
export interface LintReport {
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** "5× CODE: message, in a.js, b.js" for each code, most frequent first. */
function byCode(messages: LintMessage[]): string {
  const groups = new Map<string, { message: string; files: Set<string>; n: number }>();
  for (const m of messages) {
    const group = groups.get(m.code) ?? { message: m.message, files: new Set<string>(), n: 0 };
    group.n++;
    if (m.file) group.files.add(m.file);
    groups.set(m.code, group);
  }
  return [...groups.entries()]
    .sort((a, b) => b[1].n - a[1].n)
    .map(
      ([code, g]) =>
        `${g.n}× ${code}: ${g.message}${g.files.size ? `, in ${[...g.files].sort().join(', ')}` : ''}`,
    )
    .join('; ');
}

/** The one-line summary, then one line per error. */
export function lintSummary(report: LintReport): string[] {
  const counts = [count(report.errors.length, 'error'), count(report.warnings.length, 'warning')];
  if (report.notices.length) counts.push(count(report.notices.length, 'notice'));
  const findings = [...report.errors, ...report.warnings, ...report.notices];
  const head = `web-ext lint: ${counts.join(', ')}${findings.length ? ` (${byCode(findings)})` : ''}`;
  const errors = report.errors.map(
    (e) => `  error ${e.code}: ${e.message}${e.file ? ` (${e.file}${e.line ? `:${e.line}` : ''})` : ''}`,
  );
  return [head, ...errors];
}

function main(file: string): void {
  let report: LintReport;
  try {
    report = JSON.parse(readFileSync(file, 'utf8')) as LintReport;
  } catch (e) {
    console.error(`web-ext lint: no readable JSON report at ${file} (${e instanceof Error ? e.message : e})`);
    process.exit(1);
  }
  for (const line of lintSummary(report)) console.log(line);
  process.exit(report.errors.length > 0 ? 1 : 0);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv[2] ?? '');
