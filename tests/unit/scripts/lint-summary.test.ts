/** The one-line web-ext lint summary of `npm test` (scripts/lint-summary.ts). */
import { describe, expect, it } from 'vitest';
import { type LintMessage, lintSummary } from '../../../scripts/lint-summary';

const innerHtml = (file: string): LintMessage => ({
  code: 'UNSAFE_VAR_ASSIGNMENT',
  message: 'Unsafe assignment to innerHTML',
  file,
  line: 1231,
});

describe('lintSummary', () => {
  it('says the counts and what the warnings are in one line', () => {
    const lines = lintSummary({
      errors: [],
      notices: [],
      warnings: [
        innerHtml('popup.js'),
        innerHtml('dashboard.js'),
        { code: 'MISSING_DATA_COLLECTION', message: 'No data_collection_permissions', file: 'manifest.json' },
        innerHtml('content.js'),
      ],
    });
    expect(lines).toEqual([
      'web-ext lint: 0 errors, 4 warnings (3× UNSAFE_VAR_ASSIGNMENT: Unsafe assignment to innerHTML, in ' +
        'content.js, dashboard.js, popup.js; 1× MISSING_DATA_COLLECTION: No data_collection_permissions, in ' +
        'manifest.json)',
    ]);
  });

  it('lists each error on a line of its own, and notices only when there are some', () => {
    const lines = lintSummary({
      errors: [{ code: 'MANIFEST_FIELD_INVALID', message: '"background" is invalid', file: 'manifest.json' }],
      warnings: [],
      notices: [{ code: 'NOTICE', message: 'A notice' }],
    });
    expect(lines).toEqual([
      'web-ext lint: 1 error, 0 warnings, 1 notice (1× MANIFEST_FIELD_INVALID: "background" is invalid, in ' +
        'manifest.json; 1× NOTICE: A notice)',
      '  error MANIFEST_FIELD_INVALID: "background" is invalid (manifest.json)',
    ]);
    expect(lintSummary({ errors: [], warnings: [], notices: [] })).toEqual([
      'web-ext lint: 0 errors, 0 warnings',
    ]);
  });
});
