// @vitest-environment happy-dom
/**
 * The in-page note editor and note card, rendered with Preact: a failed save keeps every typed character
 * and says why; note text from anywhere is shown as text, never as markup.
 */
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NoteEditor } from '../../../../src/content/ui/NoteEditor';
import { parseTagText as parseTags } from '../../../../src/shared/notes/tags';
import { noteView } from '../../helpers/note-view';
import { labels, renderNoteCard } from './note-card-fixtures';

const root = document.createElement('div');
document.body.append(root);
afterEach(() => render(null, root));

const flush = () => new Promise((r) => setTimeout(r, 0));
const type = (el: HTMLInputElement | HTMLTextAreaElement, value: string) => {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
};

describe('NoteEditor', () => {
  it('keeps the text when saving fails, shows why, and saves the same values when tried again', async () => {
    const onSave = vi
      .fn()
      .mockResolvedValueOnce('Could not save: disk full')
      .mockResolvedValueOnce(undefined);
    render(<NoteEditor labels={labels} onSave={onSave} onCancel={() => undefined} />, root);
    type(root.querySelector('textarea')!, 'A long thought');
    (root.querySelector('input[value="green"]') as HTMLInputElement).click();
    type(root.querySelector('input[type="text"]') as HTMLInputElement, ' quad, cyber ,, quad');
    root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await flush();
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('Could not save: disk full');
    expect(root.querySelector('textarea')!.value).toBe('A long thought');
    root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await flush();
    expect(onSave).toHaveBeenLastCalledWith({
      body: 'A long thought',
      color: 'green',
      tags: ['quad', 'cyber'],
    });
    expect(root.querySelector('[role="alert"]')).toBeNull();
  });

  it('Escape cancels without saving; Ctrl+Enter saves', async () => {
    const onSave = vi.fn().mockResolvedValue(undefined);
    const onCancel = vi.fn();
    render(<NoteEditor labels={labels} onSave={onSave} onCancel={onCancel} />, root);
    const area = root.querySelector('textarea')!;
    area.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    await flush();
    expect(onSave).toHaveBeenCalledTimes(1);
    area.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('parses tags: trimmed, no empties, no repeats', () => {
    expect(parseTags(' a, b ,,a, c d ')).toEqual(['a', 'b', 'c d']);
  });
});

describe('NoteCardView', () => {
  const note = noteView({
    id: '0b6f5a52-3f7e-4c4a-9d55-2b0e7b9d1c11',
    anchor: { quote: { exact: 'the <b>quote</b>', prefix: '', suffix: '' } },
    body: '<img src=x onerror="window.__pwned=1">',
    color: 'pink',
    tags: ['<script>'],
  });

  it('shows note text, quote and tags as text, never as markup', () => {
    renderNoteCard(root, { note });
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('script')).toBeNull();
    expect(root.querySelector('b')).toBeNull();
    expect(root.querySelector('.gloss-note-body')?.textContent).toBe(note.body);
    expect(root.querySelector('.gloss-quote')?.textContent).toBe('the <b>quote</b>');
    expect(root.querySelector('.gloss-tag')?.textContent).toBe('<script>');
  });

  it('delete offers Undo, which restores; an editor makes the card sticky', async () => {
    const setSticky = vi.fn();
    const onRestore = vi.fn().mockResolvedValue({ ok: true, value: null });
    renderNoteCard(root, { note, onRestore, setSticky });
    const button = (name: string) =>
      [...root.querySelectorAll('button')].find((b) => b.textContent === name)!;
    button('edit').click();
    await flush();
    expect(setSticky).toHaveBeenLastCalledWith(true);
    expect(root.querySelector('textarea')?.value).toBe(note.body);
    button('cancel').click();
    await flush();
    expect(setSticky).toHaveBeenLastCalledWith(false);
    button('delete').click();
    await flush();
    expect(root.querySelector('output')?.textContent).toContain('deleted');
    button('undo').click();
    await flush();
    expect(onRestore).toHaveBeenCalledTimes(1);
    expect(root.querySelector('.gloss-note-body')?.textContent).toBe(note.body);
  });
});
