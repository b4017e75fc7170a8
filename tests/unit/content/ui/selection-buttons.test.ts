// @vitest-environment happy-dom
/**
 * The buttons beside a selection: "Make entity" sits beside "Add note" and, like it, acts only on the
 * reader's own click (a page's synthetic click does nothing), on the range the buttons were shown for.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NoteLabels } from '../../../../src/content/notes/note-labels';
import { looksLikeName, SelectionAdder } from '../../../../src/content/ui/selection-adder';
import { LazyShadowHost } from '../../../../src/content/ui/shadow-host';

const labels = { addNote: 'Add note', addNoteShortcut: 'Add a note (Alt+Shift+N)' } as NoteLabels;

let stop: AbortController;
let host: LazyShadowHost;
let onAdd: ReturnType<typeof vi.fn<(range: Range) => void>>;
let onMake: ReturnType<typeof vi.fn<(range: Range) => void>>;

function trustedClick(el: Element): void {
  const e = new MouseEvent('click', { bubbles: true, cancelable: true });
  Object.defineProperty(e, 'isTrusted', { value: true });
  el.dispatchEvent(e);
}

const buttons = () => [...(host.get().query('.gloss-adder', 'adder')?.querySelectorAll('button') ?? [])];
const named = (name: string) => buttons().find((b) => b.textContent?.includes(name));

beforeEach(async () => {
  stop = new AbortController();
  host = new LazyShadowHost(stop.signal);
  onAdd = vi.fn();
  onMake = vi.fn();
  new SelectionAdder({
    host,
    labels: () => labels,
    isActive: () => true,
    onAdd,
    makeEntity: { labels: () => ({ make: 'Make entity', makeTitle: 'Make this an entity' }), onMake },
    signal: stop.signal,
  });
  document.body.innerHTML = '<p id="p">Volt Typhoon was named again.</p>';
  const text = document.getElementById('p')!.firstChild!;
  document.getSelection()!.setBaseAndExtent(text, 0, text, 12);
  document.dispatchEvent(new Event('selectionchange'));
  await new Promise((r) => setTimeout(r, 300));
});
afterEach(() => {
  stop.abort();
  document.body.replaceChildren();
});

describe('the selection buttons', () => {
  it('show "Make entity" beside "Add note", which stays last (under the selection’s end)', () => {
    expect(buttons().map((b) => b.textContent)).toEqual(['＋ Make entity', '✎ Add note']);
  });

  it('ignore a synthetic click and open the entity form on a trusted one, with the selected text', () => {
    named('Make entity')!.click();
    expect(onMake).not.toHaveBeenCalled();
    trustedClick(named('Make entity')!);
    expect(onMake).toHaveBeenCalledTimes(1);
    expect(onMake.mock.calls[0]![0].toString()).toBe('Volt Typhoon');
    expect(onAdd).not.toHaveBeenCalled();
  });

  it('offer "Make entity" only for what could be a name: a few words on one line', () => {
    expect(looksLikeName('Volt Typhoon')).toBe(true);
    expect(looksLikeName('  国家サイバー統括室 ')).toBe(true);
    expect(looksLikeName('X')).toBe(false);
    expect(looksLikeName('A first line\nand a second')).toBe(false);
    expect(looksLikeName('word '.repeat(20))).toBe(false);
  });
});
