// @vitest-environment happy-dom
// @vitest-environment-options {"url":"https://example.com/story"}
/**
 * A note stored before Gloss counted code points (issue 12.1): its TextPositionSelector is in UTF-16 code
 * units, and its passage comes after an emoji, so read as code points (as every note is read now) its
 * offsets land three characters off. Through the real content-script session, background handlers and
 * Dexie (fake-indexeddb): the note is placed on its passage, its stored offsets are corrected to code
 * points once, as a synced change of the anchor field only (new clock, outbox entry), and never again.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type GlossDb, openDb } from '../../../../src/background/db/database';
import { addNote, changeNote, correctPosition, draftOf } from '../../../../src/background/db/notes-repo';
import { makeNoteHandlers } from '../../../../src/background/notes-handlers';
import { NoteSession } from '../../../../src/content/notes/note-session';
import { TextMap } from '../../../../src/content/notes/text-map';
import type { Runtime } from '../../../../src/platform/browser';
import { describeText } from '../../../../src/shared/notes/anchoring/describe';
import { pageKey } from '../../../../src/shared/notes/normalize-url';
import type { NoteAnchor, NoteRecord } from '../../../../src/shared/notes/note-types';
import { handlers, resetFakes, sent } from '../../helpers/fake-browser';

vi.mock('../../../../src/platform/browser', async () => {
  const { fakeBrowser } = await import('../../helpers/fake-browser');
  return { browser: fakeBrowser };
});

// happy-dom has no CSS Custom Highlight API; a Set-backed stand-in is enough here.
class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
}
vi.stubGlobal('Highlight', FakeHighlight);
vi.stubGlobal('CSS', { highlights: new Map<string, FakeHighlight>() });

const URL = 'https://example.com/story';
const QUOTE = 'the new cyber security law will take effect in April';
const HTML =
  '<h1>Cyber law 🔐 passed</h1><p>Reactions 😀👍 poured in overnight.</p>' +
  `<p>The minister said ${QUOTE}, after months of debate.</p><p>Critics disagreed.</p>`;
/** The lock and two faces before the passage: 3 code points fewer than code units. */
const SHIFT = 3;

let db: GlossDb;
let dbCount = 0;
let clock = 1_760_000_000_000;
const now = (): number => {
  clock += 1000;
  return clock;
};
const tabSender = { id: 'gloss', frameId: 0 } as Runtime.MessageSender;

/** The page text as the session maps it, and where the quote is in it (code units). */
function pageText(): { text: string; at: number } {
  const { text } = new TextMap(document.body);
  return { text, at: text.indexOf(QUOTE) };
}

async function storeNote(anchor: NoteAnchor): Promise<NoteRecord> {
  const draft = draftOf(
    { page: { url: URL, title: 'Story' }, anchor, body: 'old note', color: 'blue', tags: [] },
    pageKey(URL, undefined),
    clock,
  );
  return addNote(db, draft, now());
}

/** Loads the page's notes into a session as the content script does, and waits for them to be placed. */
async function openPage(): Promise<NoteSession> {
  const controller = new AbortController();
  aborts.push(controller);
  const session = new NoteSession({ showCard: () => {}, own: () => null, signal: controller.signal });
  await session.load();
  return session;
}
const aborts: AbortController[] = [];

beforeEach(() => {
  resetFakes();
  db = openDb(`legacy-positions-${dbCount++}`);
  const h = makeNoteHandlers(db, now);
  for (const name of ['getPageNotes', 'reportNoteStatus', 'correctNotePosition'] as const) {
    handlers.set(name, (args) =>
      (h[name] as (a: unknown, s: Runtime.MessageSender) => unknown)(args, tabSender),
    );
  }
  document.body.innerHTML = HTML;
});

afterEach(async () => {
  for (const c of aborts.splice(0)) c.abort();
  await db.delete();
});

const corrections = () => sent.filter((e) => e.type === 'correctNotePosition');

describe('a note stored with code-unit offsets, its passage after an emoji', () => {
  it('is placed on its passage and its offsets are corrected to code points once, as a synced anchor change', async () => {
    const { text, at } = pageText();
    const described = describeText(text, at, at + QUOTE.length);
    expect(described.position).toEqual({ start: at - SHIFT, end: at - SHIFT + QUOTE.length });
    // As an earlier Gloss stored it: the same quote and context, offsets in code units.
    const legacy = await storeNote({ ...described, position: { start: at, end: at + QUOTE.length } });
    const outboxBefore = await db.outbox.count();

    const session = await openPage();
    expect(session.highlights.get(legacy.id)?.range.toString()).toBe(QUOTE);
    await vi.waitFor(async () =>
      expect((await db.notes.get(legacy.id))!.anchor!.position).toEqual(described.position),
    );

    const stored = (await db.notes.get(legacy.id))!;
    expect(stored.anchor!.quote).toEqual(legacy.anchor!.quote);
    // Only the anchor's clock moved: a synced change of that field, not a reader's edit.
    expect(stored.clocks.anchor > legacy.clocks.anchor).toBe(true);
    for (const field of ['body', 'color', 'tags', 'deleted'] as const)
      expect(stored.clocks[field]).toBe(legacy.clocks[field]);
    expect(stored.updatedAt).toBe(legacy.updatedAt);
    expect(await db.outbox.count()).toBe(outboxBefore + 1);
    expect((await db.outbox.toArray()).at(-1)).toMatchObject({ noteId: legacy.id, fields: ['anchor'] });
    expect(corrections()).toHaveLength(1);

    // Next visit: the code-point offsets hold, nothing more to correct.
    const again = await openPage();
    expect(again.highlights.get(legacy.id)?.range.toString()).toBe(QUOTE);
    expect(corrections()).toHaveLength(1);
  });

  it('leaves a note written now alone: its offsets are code points already', async () => {
    const { text, at } = pageText();
    const note = await storeNote(describeText(text, at, at + QUOTE.length));
    const session = await openPage();
    expect(session.highlights.get(note.id)?.range.toString()).toBe(QUOTE);
    expect(corrections()).toHaveLength(0);
    expect((await db.notes.get(note.id))!.clocks.anchor).toBe(note.clocks.anchor);
  });
});

describe('correctPosition (notes repository) writes only a consistent correction of what is stored', () => {
  const from = { start: 40, end: 40 + QUOTE.length };
  const to = { start: 37, end: 37 + QUOTE.length };
  const anchor = { quote: { exact: QUOTE, prefix: 'said ', suffix: ', after' }, position: from };

  it('writes the code-point offsets', async () => {
    const note = await storeNote(anchor);
    expect(await correctPosition(db, note.id, from, to, now())).toBe(true);
    expect((await db.notes.get(note.id))!.anchor!.position).toEqual(to);
  });

  it('writes nothing when the note no longer holds `from`, for a deleted note, or for a `to` of another length', async () => {
    const note = await storeNote(anchor);
    const outbox = await db.outbox.count();
    expect(await correctPosition(db, note.id, { start: 41, end: 41 + QUOTE.length }, to, now())).toBe(false);
    expect(await correctPosition(db, note.id, from, { start: 37, end: 36 + QUOTE.length }, now())).toBe(
      false,
    );
    expect(await correctPosition(db, note.id, from, { start: 41, end: 41 + QUOTE.length }, now())).toBe(
      false,
    );
    expect(await correctPosition(db, note.id, from, from, now())).toBe(false);
    expect(await correctPosition(db, '00000000-0000-4000-8000-000000000000', from, to, now())).toBe(false);
    expect(await db.outbox.count()).toBe(outbox);
    await changeNote(db, note.id, { deleted: true }, now());
    const deletedOutbox = await db.outbox.count();
    expect(await correctPosition(db, note.id, from, to, now())).toBe(false);
    expect(await db.outbox.count()).toBe(deletedOutbox);
    expect((await db.notes.get(note.id))!.anchor!.position).toEqual(from);
  });
});
