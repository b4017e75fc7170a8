/**
 * The per-field merge: commutative, associative and idempotent over randomly generated edit histories, so
 * devices that exchange records in any order, any number of times, converge; and the cases sync.md names.
 */
import { describe, expect, it } from 'vitest';
import { encodeHlc } from '../../../../src/shared/notes/hlc';
import { NOTE_FIELDS } from '../../../../src/shared/notes/note-types';
import { mergeNotes } from '../../../../src/shared/sync/merge';
import type { SyncNote } from '../../../../src/shared/sync/wire';

const ID = '0b6f5a52-3f7e-4c4a-9d55-2b0e7b9d1c11';
const clock = (ms: number, device: string, counter = 0) =>
  encodeHlc({ wallMs: ms, counter, deviceId: device });

function base(device: string, ms: number): SyncNote {
  const c = clock(ms, device);
  return {
    id: ID,
    url: 'https://example.com/a',
    pageKey: 'https://example.com/a',
    title: 'A',
    createdAt: 1000,
    updatedAt: ms,
    fields: { body: 'first', color: 'yellow', tags: [], anchor: null, deleted: false },
    clocks: { body: c, color: c, tags: c, anchor: c, deleted: c },
    deviceId: device,
  };
}

/** Every edit gets its own counter: a device never issues the same clock twice, so equal clocks mean one write. */
let issued = 0;

/** A note edited on `device` at `ms`: the given fields change. */
function edit(note: SyncNote, device: string, ms: number, patch: Partial<SyncNote['fields']>): SyncNote {
  issued += 1;
  const c = clock(ms, device, issued);
  const clocks = { ...note.clocks };
  for (const f of Object.keys(patch) as Array<keyof typeof patch>) clocks[f] = c;
  return { ...note, fields: { ...note.fields, ...patch }, clocks, deviceId: device, updatedAt: ms };
}

/** A small deterministic random generator, so a failing case can be replayed. */
function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

function randomVersion(r: () => number, origin: SyncNote): SyncNote {
  let note = origin;
  const devices = ['dev-a', 'dev-b', 'dev-c'];
  for (let i = 0; i < 1 + Math.floor(r() * 4); i++) {
    const device = devices[Math.floor(r() * devices.length)]!;
    const ms = 2000 + Math.floor(r() * 50);
    const field = NOTE_FIELDS[Math.floor(r() * NOTE_FIELDS.length)]!;
    const patch: Partial<SyncNote['fields']> =
      field === 'body'
        ? { body: `b${Math.floor(r() * 100)}` }
        : field === 'color'
          ? { color: r() < 0.5 ? 'green' : 'pink' }
          : field === 'tags'
            ? { tags: [`t${Math.floor(r() * 10)}`] }
            : field === 'deleted'
              ? { deleted: r() < 0.5 }
              : { anchor: { quote: { exact: `q${Math.floor(r() * 9)}`, prefix: '', suffix: '' } } };
    note = edit(note, device, ms, patch);
  }
  return note;
}

const m = (a: SyncNote, b: SyncNote) => mergeNotes(a, b).note;

describe('mergeNotes', () => {
  it('is commutative, associative and idempotent (2,000 random histories)', () => {
    const r = rng(42);
    const origin = base('dev-a', 1500);
    for (let i = 0; i < 2000; i++) {
      const [a, b, c] = [randomVersion(r, origin), randomVersion(r, origin), randomVersion(r, origin)];
      expect(m(a, b)).toEqual(m(b, a));
      expect(m(m(a, b), c)).toEqual(m(a, m(b, c)));
      expect(m(a, a)).toEqual(a);
      expect(m(m(a, b), b)).toEqual(m(a, b));
    }
  });

  it('keeps concurrent edits to different fields from both devices', () => {
    const origin = base('dev-a', 1500);
    const onA = edit(origin, 'dev-a', 2000, { body: 'from A' });
    const onB = edit(origin, 'dev-b', 2001, { color: 'green' });
    const merged = m(onA, onB);
    expect(merged.fields.body).toBe('from A');
    expect(merged.fields.color).toBe('green');
  });

  it('the later clock wins the same field, and reports which fields the incoming side won', () => {
    const origin = base('dev-a', 1500);
    const early = edit(origin, 'dev-a', 2000, { body: 'early' });
    const late = edit(origin, 'dev-b', 2005, { body: 'late' });
    expect(m(early, late).fields.body).toBe('late');
    expect(mergeNotes(early, late).won).toEqual(['body']);
    expect(mergeNotes(late, early).won).toEqual([]);
  });

  it('delete against edit: the later wins, in both orders; an edit after a delete brings the note back', () => {
    const origin = base('dev-a', 1500);
    const deleted = edit(origin, 'dev-a', 2000, { deleted: true });
    const editedLater = edit(origin, 'dev-b', 2010, { body: 'still here' });
    expect(m(deleted, editedLater).fields.deleted).toBe(true);
    const revived = edit(deleted, 'dev-b', 2020, { deleted: false, body: 'back' });
    expect(m(deleted, revived).fields).toMatchObject({ deleted: false, body: 'back' });
    expect(m(revived, deleted).fields).toMatchObject({ deleted: false, body: 'back' });
  });

  it('refuses to merge two different notes', () => {
    expect(() => mergeNotes(base('dev-a', 1), { ...base('dev-a', 1), id: 'other' })).toThrow(
      /different notes/,
    );
  });
});
