/**
 * What `npm test` says at the end, read from vitest's JSON reports: the counts, and the groups of tests that
 * were skipped, with the reason their names give. A group that reads something a clone may lack names itself
 * "<group> (skipped: <reason>)" (tests/shared-folder.ts); any other skipped test is listed under its outermost
 * describe block. Nothing here knows which groups exist: it is all in the reports.
 */

/** The parts of a vitest JSON report (`--reporter=json`) read here. */
export interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests?: number;
  testResults: Array<{
    name: string;
    assertionResults: Array<{ ancestorTitles: string[]; title: string; status: string }>;
  }>;
}

/** A group of skipped tests, as it is reported. */
export interface SkippedGroup {
  name: string;
  /** Why, when the group's name says ("../shared/pages absent"). */
  reason: string | undefined;
  /** The reports (unit, e2e, …) it was skipped in, in order of first appearance. */
  reports: string[];
  tests: number;
}

const SKIPPED = new Set(['skipped', 'pending', 'todo', 'disabled']);
const MARKED = /^(.*) \(skipped: (.+)\)$/;

/** The group a skipped test belongs to: its first title that gives a reason, else its outermost one. */
function groupOf(titles: string[]): { name: string; reason: string | undefined } {
  for (const title of titles) {
    const marked = MARKED.exec(title);
    if (marked) return { name: marked[1]!, reason: marked[2]! };
  }
  return { name: titles[0]!, reason: undefined };
}

/** The skipped groups of labelled reports, merged by name and reason, in order of first appearance. */
export function skippedGroups(reports: Array<{ label: string; report: VitestReport }>): SkippedGroup[] {
  const groups = new Map<string, SkippedGroup>();
  for (const { label, report } of reports) {
    for (const file of report.testResults) {
      for (const test of file.assertionResults) {
        if (!SKIPPED.has(test.status)) continue;
        const { name, reason } = groupOf([...test.ancestorTitles, test.title]);
        const key = `${reason ?? ''}\n${name}`;
        const group = groups.get(key) ?? { name, reason, reports: [], tests: 0 };
        if (!group.reports.includes(label)) group.reports.push(label);
        group.tests++;
        groups.set(key, group);
      }
    }
  }
  return [...groups.values()];
}

/** One line per skipped group: "skipped (<reason>): <name> [unit, 14 tests]". */
export function skippedLines(groups: SkippedGroup[]): string[] {
  return groups.map(
    (g) =>
      `skipped${g.reason ? ` (${g.reason})` : ''}: ${g.name} ` +
      `[${g.reports.join(', ')}, ${g.tests} ${g.tests === 1 ? 'test' : 'tests'}]`,
  );
}

/** The closing line: "tests: N passed, N failed[, N skipped]". */
export function countsLine(reports: VitestReport[]): { line: string; passed: number; failed: number } {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const r of reports) {
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  }
  return {
    line: `tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`,
    passed,
    failed,
  };
}
