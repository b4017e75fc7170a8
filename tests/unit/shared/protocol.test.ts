import { describe, expect, it } from 'vitest';
import { plainError, route, senderProblem } from '../../../src/background/router';
import type { Runtime } from '../../../src/platform/browser';
import type { RequestEnvelope } from '../../../src/shared/protocol';
import { parseRequest } from '../../../src/shared/protocol-schemas';

const ctx = { extensionId: 'gloss-id', extensionOrigin: 'chrome-extension://gloss-id/' };
const contentSender = {
  id: 'gloss-id',
  url: 'https://example.com/a',
  tab: { id: 4, url: 'https://example.com/a' },
} as Runtime.MessageSender;
const popupSender: Runtime.MessageSender = { id: 'gloss-id', url: 'chrome-extension://gloss-id/popup.html' };

const NOTE_ID = '0b6f5a52-3f7e-4c4a-9d55-2b0e7b9d1c11';
const ANCHOR = {
  quote: { exact: 'the Quad', prefix: 'said ', suffix: ' would' },
  position: { start: 1, end: 9 },
};
const NEW_NOTE = {
  page: { url: 'https://example.com/a', title: 'A' },
  anchor: ANCHOR,
  body: 'hello',
  color: 'yellow',
  tags: ['quad'],
};

describe('parseRequest', () => {
  it('accepts a well-formed new note', () => {
    const parsed = parseRequest({ gloss: 1, type: 'createNote', args: NEW_NOTE });
    expect(parsed).toEqual({ gloss: 1, type: 'createNote', args: NEW_NOTE });
  });

  it("accepts a new note with the page's language tag", () => {
    const args = { ...NEW_NOTE, page: { ...NEW_NOTE.page, lang: 'hi-IN' } };
    expect(parseRequest({ gloss: 1, type: 'createNote', args })).toEqual({
      gloss: 1,
      type: 'createNote',
      args,
    });
  });

  it('accepts a well-formed request', () => {
    expect(parseRequest({ gloss: 1, type: 'getCard', args: { entityId: 'cicada' } })).toEqual({
      gloss: 1,
      type: 'getCard',
      args: { entityId: 'cicada' },
    });
  });

  it('ignores messages that are not ours', () => {
    expect(parseRequest({ hello: 'world' })).toBeNull();
    expect(parseRequest('getCard')).toBeNull();
  });

  it.each([
    [{ gloss: 1, type: 'dropDatabase', args: {} }, /malformed/],
    [{ gloss: 1, type: 'getCard', args: { entityId: '../../etc' } }, /invalid arguments for getCard/],
    [{ gloss: 1, type: 'getCard', args: { entityId: 'x', extra: 1 } }, /invalid arguments/],
    [{ gloss: 1, type: 'reportMentions', args: { url: 'https://a', counts: { huawei: -1 } } }, /invalid/],
    [{ gloss: 1, type: 'reportMentions', args: { url: 'x'.repeat(9000), counts: {} } }, /invalid/],
    [{ gloss: 1, type: 'setSiteEnabled', args: { host: 'a b', isEnabled: true } }, /invalid/],
    [{ gloss: 1, type: 'openReader', args: { sourceId: 'a', passageId: '<img src=x>' } }, /invalid/],
    [{ gloss: 2, type: 'getCard', args: { entityId: 'x' } }, /malformed/],
    // Notes: every field a content script sends is checked.
    [{ gloss: 1, type: 'deleteNote', args: { id: 'not-a-uuid' } }, /invalid arguments for deleteNote/],
    [{ gloss: 1, type: 'updateNote', args: { id: NOTE_ID, color: 'red' } }, /invalid/],
    [{ gloss: 1, type: 'updateNote', args: { id: NOTE_ID, body: 'x'.repeat(20_001) } }, /invalid/],
    [{ gloss: 1, type: 'updateNote', args: { id: NOTE_ID, tags: Array(33).fill('t') } }, /invalid/],
    [{ gloss: 1, type: 'updateNote', args: { id: NOTE_ID, deleted: true } }, /invalid/],
    [
      {
        gloss: 1,
        type: 'createNote',
        args: { ...NEW_NOTE, anchor: { ...ANCHOR, position: { start: 5, end: 2 } } },
      },
      /invalid/,
    ],
    [
      {
        gloss: 1,
        type: 'createNote',
        args: { ...NEW_NOTE, anchor: { ...ANCHOR, quote: { ...ANCHOR.quote, exact: '' } } },
      },
      /invalid/,
    ],
    [{ gloss: 1, type: 'createNote', args: { ...NEW_NOTE, entityId: 'cicada' } }, /passage or an entity/],
    [{ gloss: 1, type: 'createNote', args: { ...NEW_NOTE, clocks: {} } }, /invalid/],
    [
      {
        gloss: 1,
        type: 'createNote',
        args: { ...NEW_NOTE, page: { ...NEW_NOTE.page, lang: 'english please' } },
      },
      /invalid/,
    ],
    [
      {
        gloss: 1,
        type: 'reportNoteStatus',
        args: { pageKey: 'https://a', anchoredIds: ['x'], orphanIds: [] },
      },
      /invalid/,
    ],
  ])('rejects %j', (raw, message) => {
    const parsed = parseRequest(raw);
    expect(parsed).not.toBeNull();
    expect(parsed && 'error' in parsed ? parsed.error : '').toMatch(message);
  });
});

describe('sender checks', () => {
  const env = (type: RequestEnvelope['type']): RequestEnvelope =>
    ({ gloss: 1, type, args: {} }) as RequestEnvelope;

  it('refuses other extensions', () => {
    expect(senderProblem(env('getCard'), { ...contentSender, id: 'evil' }, ctx)).toMatch(/another extension/);
  });

  it('keeps page-only requests away from content scripts', () => {
    expect(senderProblem(env('setSiteEnabled'), contentSender, ctx)).toMatch(/only for Gloss's own pages/);
    expect(senderProblem(env('setSiteEnabled'), popupSender, ctx)).toBeUndefined();
    expect(senderProblem(env('getCard'), contentSender, ctx)).toBeUndefined();
    // The whole notebook, export, import and opening tabs are for Gloss's pages only.
    for (const type of ['listNotes', 'exportNotes', 'importNotes', 'openNote', 'getTabNotes'] as const)
      expect(senderProblem(env(type), contentSender, ctx)).toMatch(/only for Gloss's own pages/);
  });
});

describe('route', () => {
  const handlers = {
    getCard: async (args: { entityId: string }) => {
      if (args.entityId === 'boom') throw new Error('no such entity');
      return { id: args.entityId };
    },
  };

  it('wraps replies and errors in a Result', async () => {
    const call = (entityId: string) =>
      route({ gloss: 1, type: 'getCard', args: { entityId } }, contentSender, handlers as never, ctx);
    await expect(call('cicada')).resolves.toEqual({ ok: true, value: { id: 'cicada' } });
    await expect(call('boom')).resolves.toEqual({ ok: false, error: 'no such entity' });
  });

  it('answers invalid messages with an error and never calls a handler', async () => {
    let called = false;
    const spy = {
      getCard: async () => {
        called = true;
      },
    };
    const reply = await route(
      { gloss: 1, type: 'getCard', args: { entityId: 7 } },
      contentSender,
      spy as never,
      ctx,
    );
    expect(reply).toMatchObject({ ok: false });
    expect(called).toBe(false);
  });
});

describe('plainError', () => {
  it('says a full disk in plain words, also when Dexie wraps it', () => {
    const quota = Object.assign(new Error('QuotaExceededError: write failed'), {
      name: 'QuotaExceededError',
    });
    const wrapped = Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: quota });
    expect(plainError(quota)).toMatch(/no storage space left/);
    expect(plainError(wrapped)).toMatch(/no storage space left/);
    expect(plainError(new Error('unknown entity "x"'))).toBe('unknown entity "x"');
  });
});
