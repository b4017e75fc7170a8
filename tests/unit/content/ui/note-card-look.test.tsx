// @vitest-environment happy-dom
/**
 * The in-page note card as the pages draw notes too: its date in words in the reader's locale (never
 * `12/4/2026`), and its quote carrying the note's colour for the bar beside it.
 */
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDate } from '../../../../src/shared/format-date';
import { noteView } from '../../helpers/note-view';
import { renderNoteCard } from './note-card-fixtures';

/** 4 December 2026, 14:05 UTC: as digits, either 12/4 or 4/12 depending on the reader. */
const WRITTEN = Date.UTC(2026, 11, 4, 14, 5);

const note = noteView({
  id: '0b6f5a52-3f7e-4c4a-9d55-2b0e7b9d1c11',
  anchor: { quote: { exact: 'the quote', prefix: '', suffix: '' } },
  body: 'A thought',
  color: 'green',
  createdAt: WRITTEN,
  updatedAt: WRITTEN,
});

const root = document.createElement('div');
document.body.append(root);
afterEach(() => render(null, root));

function renderCard(): void {
  renderNoteCard(root, { note });
}

describe('the note card', () => {
  it('writes the date with the month in words', () => {
    renderCard();
    const date = root.querySelector('.gloss-note-date')?.textContent;
    expect(date).toBe(`Written ${formatDate(WRITTEN)}`);
    expect(date).not.toMatch(/\d+\/\d+\/\d+/);
  });

  it('gives the quote the note’s colour', () => {
    renderCard();
    expect(root.querySelector('.gloss-quote')?.getAttribute('data-color')).toBe('green');
  });
});
