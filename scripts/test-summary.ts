/**
 * `npm test`'s last lines, over vitest JSON reports: the skipped groups, one line each with the reason
 * (scripts/test-report.ts), then "tests: N passed, N failed[, N skipped]". Fails when a report is missing or no
 * test ran at all (a suite that silently ran nothing is not green).
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { countsLine, skippedGroups, skippedLines, type VitestReport } from './test-report';

const reports: Array<{ label: string; report: VitestReport }> = [];
let missing = 0;
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    console.error(`tests: no report at ${file}`);
    missing++;
    continue;
  }
  reports.push({
    label: basename(file, '.json'),
    report: JSON.parse(readFileSync(file, 'utf8')) as VitestReport,
  });
}
for (const line of skippedLines(skippedGroups(reports))) console.log(line);
const { line, passed, failed } = countsLine(reports.map((r) => r.report));
console.log(line);
process.exit(failed > 0 || missing > 0 || passed === 0 ? 1 : 0);
