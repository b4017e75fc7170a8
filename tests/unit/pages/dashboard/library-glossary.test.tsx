// @vitest-environment happy-dom
/** Glossary import and export in the Entities tab: file errors, conflict choices sent back, the summary, the download. */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EntitiesPanel } from '../../../../src/pages/dashboard/library/EntitiesPanel';
import type { GlossaryImportOutcome } from '../../../../src/shared/library/library-types';
import { handlers, resetFakes } from '../../helpers/fake-browser';
import {
  $,
  $$,
  argsOf,
  button,
  choose,
  EVIL,
  entityItem,
  mountRoot,
  page,
  unmountRoot,
} from './library-helpers';

vi.mock('../../../../src/platform/browser', async () => ({
  browser: (await import('../../helpers/fake-browser')).fakeBrowser,
}));

const CSV = 'name,type,aliases\nNCSC,government-body,NCSC\n';

function pick(file: File): void {
  const input = $<HTMLInputElement>('.glossary-tools input[type="file"]')!;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

let answers: GlossaryImportOutcome[];

beforeEach(async () => {
  resetFakes();
  answers = [];
  handlers.set('listEntities', () => [entityItem('e1', { name: 'Cicada' })]);
  handlers.set('importGlossary', () => answers.shift());
  mountRoot();
  render(<EntitiesPanel />, page.root);
  await vi.waitFor(() => expect($$('.library-item')).toHaveLength(1));
});
afterEach(() => {
  unmountRoot();
  vi.unstubAllGlobals();
});

describe('glossary import', () => {
  it("reads the file as text, takes the format from its name, and lists the file's errors as text", async () => {
    expect($<HTMLInputElement>('.glossary-tools input[type="file"]')!.accept).toBe('.csv,.json');
    answers.push({
      status: 'invalid',
      errors: [
        { line: 12, field: 'aliases', message: "alias 'X' is shorter than 2 characters" },
        { line: 3, message: 'missing name' },
        { line: 0, message: `not a glossary ${EVIL}` },
      ],
    });
    pick(new File([CSV], 'terms.CSV'));
    await vi.waitFor(() => expect($$('.glossary-errors li')).toHaveLength(3));
    expect(argsOf('importGlossary')).toEqual([{ text: CSV, format: 'csv' }]);
    expect($$('.glossary-errors li').map((li) => li.textContent)).toEqual([
      "Line 12, column aliases: alias 'X' is shorter than 2 characters",
      'Line 3: missing name',
      `not a glossary ${EVIL}`,
    ]);
    expect(page.root.querySelector('img')).toBeNull();

    answers.push({ status: 'imported', added: 0, updated: 0, notices: [] });
    pick(new File(['{"entities":[]}'], 'gloss.json'));
    await vi.waitFor(() => expect(argsOf('importGlossary')).toHaveLength(2));
    expect(argsOf('importGlossary')[1]).toEqual({ text: '{"entities":[]}', format: 'json' });
  });

  it('asks for each conflict, first claimant chosen, and sends the same text again with the choices', async () => {
    answers.push({
      status: 'conflicts',
      notices: ["Line 4: treated 'Line' as case-sensitive because it is a common word"],
      conflicts: [
        {
          key: 'alias:ncsc',
          kind: 'shared-alias',
          alias: 'NCSC',
          claimants: [
            { label: 'Line 2: NCSC (UK)', choice: 'row:2' },
            { label: `Existing entity ${EVIL}`, choice: 'entity:uk-ncsc' },
          ],
        },
        {
          key: 'name:cert',
          kind: 'duplicate-name',
          alias: 'CERT',
          claimants: [
            { label: 'Line 5: CERT', choice: 'row:5' },
            { label: 'Line 6: CERT', choice: 'row:6' },
          ],
        },
      ],
    });
    answers.push({
      status: 'imported',
      added: 2,
      updated: 1,
      notices: ['Line 9: kept the older description'],
    });
    pick(new File([CSV], 'terms.csv'));
    await vi.waitFor(() => expect($$('.glossary-conflict')).toHaveLength(2));
    const [first, second] = $$('.glossary-conflict');
    expect(first!.querySelector('legend')?.textContent).toBe('The alias “NCSC” is claimed by:');
    expect(second!.querySelector('legend')?.textContent).toBe('The name “CERT” is claimed by:');
    expect($$('label', first!).map((l) => l.textContent?.trim())).toEqual([
      'Line 2: NCSC (UK)',
      `Existing entity ${EVIL}`,
    ]);
    expect(page.root.querySelector('img')).toBeNull();
    expect($$<HTMLInputElement>('input[type="radio"]').map((r) => r.checked)).toEqual([
      true,
      false,
      true,
      false,
    ]);
    expect($('.glossary-notices')?.textContent).toContain("treated 'Line' as case-sensitive");

    choose($$<HTMLInputElement>('input[type="radio"]', second!)[1]!);
    button('Import with these choices')!.click();
    await vi.waitFor(() => expect(argsOf('importGlossary')).toHaveLength(2));
    expect(argsOf('importGlossary')[1]).toEqual({
      text: CSV,
      format: 'csv',
      choices: { 'alias:ncsc': 'row:2', 'name:cert': 'row:6' },
    });
    await vi.waitFor(() =>
      expect($('.glossary-outcome p')?.textContent).toBe('Imported 2 new entities, updated 1.'),
    );
    expect($('.glossary-notices')?.textContent).toBe('Line 9: kept the older description');
    expect($('.glossary-conflict')).toBeNull();
    expect(argsOf('listEntities').length).toBeGreaterThanOrEqual(2);
  });

  it('exports CSV and JSON through the download helper', async () => {
    const createObjectURL = vi.fn((_blob: Blob) => 'blob:gloss/1');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const clicked: HTMLAnchorElement[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this);
    });
    handlers.set('exportGlossary', (args) => {
      const { format } = args as { format: 'csv' | 'json' };
      return {
        filename: `gloss-glossary.${format}`,
        mimeType: format === 'csv' ? 'text/csv' : 'application/json',
        text: 'x',
      };
    });
    button('Export CSV')!.click();
    await vi.waitFor(() => expect(clicked).toHaveLength(1));
    button('Export JSON')!.click();
    await vi.waitFor(() => expect(clicked).toHaveLength(2));
    click.mockRestore();
    expect(argsOf('exportGlossary')).toEqual([{ format: 'csv' }, { format: 'json' }]);
    expect(clicked.map((a) => a.download)).toEqual(['gloss-glossary.csv', 'gloss-glossary.json']);
    expect(createObjectURL.mock.calls[0]![0].type).toBe('text/csv');
    await vi.waitFor(() =>
      expect($('.glossary-tools .import-export-status')?.textContent).toBe('Saved gloss-glossary.json.'),
    );
  });
});
