/**
 * Devices with wrong wall clocks, against the real server (real-server.ts), whose clock is `world.t`. A slow one still wins with an edit made after pulling, because pulled
 * clocks are folded into its own. A fast one is refused by the server, keeps its changes queued, learns the
 * offset, re-stamps them and is accepted on the next cycle; its later edits carry corrected clocks.
 */
import 'fake-indexeddb/auto';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../../../src/platform/browser', async () => ({
  browser: (await import('../../helpers/fake-browser')).fakeBrowser,
}));

const { expectConverged, Rig, tick, world } = await import('./devices');
const { decodeHlc } = await import('../../../../src/shared/notes/hlc');
const { QUICK_RETRY_MS } = await import('../../../../src/background/sync/backoff');

const DAY = 86_400_000;
const rig = await Rig.start();
afterEach(() => rig.reset());
afterAll(() => rig.close());

const wallOf = (clock: string): number => decodeHlc(clock).wallMs;

describe('clock skew', () => {
  it('a device a day slow still wins with an edit made after pulling', async () => {
    const { userId } = await rig.server.createUser();
    const a = rig.device('a');
    const slow = rig.device('slow', { skewMs: -DAY });
    const note = await a.add('from A');
    await a.connect(userId);
    await slow.connect(userId);
    await slow.edit(note.id, { body: 'from the slow device, after seeing A' });
    const edited = await slow.note(note.id);
    expect(edited!.clocks.body > note.clocks.body).toBe(true);
    await slow.sync();
    await a.sync();
    expect((await expectConverged(rig, userId))[0]?.body).toBe('from the slow device, after seeing A');
    // A slow clock is not "corrected": nothing to report.
    expect((await slow.engine.status()).error).toBeUndefined();
  });

  it('a device a day fast: refused, kept queued, corrected, then accepted; later edits are corrected too', async () => {
    const { userId } = await rig.server.createUser();
    const a = rig.device('a');
    const fast = rig.device('fast', { skewMs: DAY });
    const shared = await a.add('shared');
    await a.connect(userId);
    await fast.connect(userId);
    await fast.edit(shared.id, { body: 'fast edit' });
    const own = await fast.add('written on the fast device');
    expect(wallOf(own.hlc)).toBe(world.t + DAY);

    const refused = await fast.sync();
    expect(refused.pending).toBeGreaterThan(0);
    expect(refused.error).toBe(
      "This computer's clock is about 1 day ahead of the sync server's. Gloss corrects for it, but please set the clock right.",
    );
    expect((await rig.server.notesOf(userId)).map((n) => n.fields.body)).toEqual(['shared']);
    expect(fast.retries.at(-1)).toBe(fast.now() + QUICK_RETRY_MS);
    // The device's clock now runs from the corrected time, and the queued fields were re-stamped with it.
    expect(Math.abs(wallOf((await fast.db.meta.get('hlc'))!.value) - world.t)).toBeLessThan(60_000);
    expect(Math.abs(wallOf((await fast.note(own.id))!.hlc) - world.t)).toBeLessThan(60_000);

    const accepted = await fast.sync();
    expect(accepted.pending).toBe(0);
    expect((await rig.server.notesOf(userId)).map((n) => n.fields.body).sort()).toEqual([
      'fast edit',
      'written on the fast device',
    ]);
    // An edit made on A a minute later beats the fast device's (corrected) edit, as it should.
    tick(60_000);
    await a.sync();
    await a.edit(shared.id, { body: 'A, a minute later' });
    // New edits on the fast device go through at once with corrected clocks.
    tick(60_000);
    const later = await fast.edit(own.id, { color: 'green' });
    expect(Math.abs(wallOf(later.clocks.color) - world.t)).toBeLessThan(60_000);
    await rig.syncAll();
    const notes = await expectConverged(rig, userId);
    expect(notes.find((n) => n.id === shared.id)?.body).toBe('A, a minute later');
    expect(notes.find((n) => n.id === own.id)?.color).toBe('green');
    expect((await fast.engine.status()).error).toMatch(/about 1 day ahead/);

    // Once the clock is set right, the correction and the message go.
    fast.skewMs = 0;
    await fast.edit(own.id, { body: 'clock fixed' });
    expect((await fast.sync()).error).toBeUndefined();
    expect(await fast.db.meta.get('clockOffsetMs')).toBeUndefined();
    await rig.syncAll();
    await expectConverged(rig, userId);
  });

  it('a clock a couple of minutes fast is corrected quietly (the server tolerates it anyway)', async () => {
    const { userId } = await rig.server.createUser();
    const a = rig.device('a', { skewMs: 2 * 60_000 });
    await a.add('first');
    const status = await a.connect(userId);
    expect(status).toMatchObject({ pending: 0 });
    expect(status.error).toBeUndefined();
    expect(Number((await a.db.meta.get('clockOffsetMs'))?.value)).toBe(-2 * 60_000);
    // Clocks never go backwards, so corrected time shows once it passes the fast clocks already issued.
    tick(3 * 60_000);
    const later = await a.add('second');
    expect(wallOf(later.hlc)).toBe(world.t);
  });

  it('refused although nothing here is ahead: says to check both clocks, and keeps the change', async () => {
    const { userId } = await rig.server.createUser();
    const a = rig.device('a');
    await a.add('fine');
    a.net.inject('push', {
      kind: 'status',
      status: 200,
      // The note was queued as mutation 2 when connecting (1 was its creation).
      body: {
        appliedThrough: 0,
        rejected: [{ mutationId: 2, reason: 'clock-ahead' }],
        serverTime: world.t,
        version: 0,
      },
    });
    const status = await a.connect(userId);
    expect(status.error).toMatch(/refused changes dated in the future/);
    expect(status.pending).toBe(1);
    tick(10_000);
    expect((await a.engine.sync('auto')).error).toBeUndefined();
    await expectConverged(rig, userId);
  });
});
