/** `npm test`'s closing lines (scripts/test-report.ts): counts, and the skipped groups read from the reports. */
import { describe, expect, it } from 'vitest';
import { countsLine, skippedGroups, skippedLines, type VitestReport } from '../../../scripts/test-report';

type Status = 'passed' | 'failed' | 'skipped' | 'pending' | 'todo';

/** A report of tests given as [titles from the outermost describe to the test, status]. */
function report(tests: Array<[string[], Status]>): VitestReport {
  const n = (...statuses: Status[]): number => tests.filter(([, s]) => statuses.includes(s)).length;
  return {
    numPassedTests: n('passed'),
    numFailedTests: n('failed'),
    numPendingTests: n('skipped', 'pending'),
    numTodoTests: n('todo'),
    testResults: [
      {
        name: '/repo/tests/x.test.ts',
        assertionResults: tests.map(([titles, status]) => ({
          ancestorTitles: titles.slice(0, -1),
          title: titles.at(-1)!,
          status,
        })),
      },
    ],
  };
}

const PAGES = '(skipped: ../shared/pages absent)';

describe('skipped groups', () => {
  const unit = report([
    [[`matcher over the real-page corpus ${PAGES}`, 'has the pages'], 'skipped'],
    [["matcher over the project's own news pages", 'news-article.html'], 'passed'],
    [[`traps on the real pages that hold them ${PAGES}`, 'quad bike'], 'skipped'],
    [[`traps on the real pages that hold them ${PAGES}`, 'Quad Cities'], 'skipped'],
    [['sources', `quote the supplied texts ${'(skipped: ../shared/sources absent)'}`], 'skipped'],
  ]);
  const e2e = report([
    [[`real saved pages ${PAGES}`, 'real saved pages (chromium)', 'a.html'], 'skipped'],
    [[`real saved pages ${PAGES}`, 'real saved pages (firefox)', 'a.html'], 'skipped'],
    [['console (chromium)', `on the real saved pages ${PAGES}`, 'every saved page'], 'skipped'],
    [['sync (firefox)', 'converges'], 'skipped'],
    [['sync (firefox)', 'revokes'], 'todo'],
  ]);

  it('are named by the title that gives the reason, merged across browsers, with their reports and counts', () => {
    expect(
      skippedLines(
        skippedGroups([
          { label: 'unit', report: unit },
          { label: 'e2e', report: e2e },
        ]),
      ),
    ).toEqual([
      'skipped (../shared/pages absent): matcher over the real-page corpus [unit, 1 test]',
      'skipped (../shared/pages absent): traps on the real pages that hold them [unit, 2 tests]',
      'skipped (../shared/sources absent): quote the supplied texts [unit, 1 test]',
      'skipped (../shared/pages absent): real saved pages [e2e, 2 tests]',
      'skipped (../shared/pages absent): on the real saved pages [e2e, 1 test]',
      'skipped: sync (firefox) [e2e, 2 tests]',
    ]);
  });

  it('name every report a group was skipped in', () => {
    const groups = skippedGroups([
      { label: 'server-pglite', report: unit },
      { label: 'server-postgres', report: unit },
    ]);
    expect(groups[0]).toEqual({
      name: 'matcher over the real-page corpus',
      reason: '../shared/pages absent',
      reports: ['server-pglite', 'server-postgres'],
      tests: 2,
    });
  });

  it('are none when nothing was skipped', () => {
    expect(skippedGroups([{ label: 'unit', report: report([[['a', 'b'], 'passed']]) }])).toEqual([]);
  });
});

describe('counts line', () => {
  it('adds up every report, and leaves out "skipped" when nothing was', () => {
    const a = report([
      [['a'], 'passed'],
      [['b'], 'failed'],
      [['c'], 'skipped'],
      [['d'], 'todo'],
    ]);
    const b = report([[['e'], 'passed']]);
    expect(countsLine([a, b])).toEqual({
      line: 'tests: 2 passed, 1 failed, 2 skipped',
      passed: 2,
      failed: 1,
    });
    expect(countsLine([b]).line).toBe('tests: 1 passed, 0 failed');
  });
});
