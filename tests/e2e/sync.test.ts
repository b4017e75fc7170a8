/**
 * Syncing notes between two devices end to end: the real sync server (src/server, PGlite in a temporary
 * folder) on 127.0.0.1 in this process, and two fresh Chromium profiles with the built extension (two
 * devices). Each device connects through its options page (address and its own enrolment code typed with
 * the keyboard, Connect clicked); every note is written, edited and deleted with the page's own UI (select,
 * "Add note", the note card's Edit and Delete), and syncs are started with the options page's "Sync now".
 *
 *   1. A writes four notes; after a sync on each, B holds the same notes field by field and its page shows them.
 *   2. B edits one and deletes another; after a sync on each, A has the edit and no longer lists the deleted one.
 *   3. The server goes down. Both devices edit offline: different notes, different fields of one note (both
 *      kept) and the same field of that note (the later edit, B's, wins); A also writes a new note. The
 *      options pages show the changes waiting and the problem in plain words. The server comes back on the
 *      same data folder and port; after two syncs on each, both devices hold identical notes with every edit.
 *   4. B's device is revoked on the server: its options page says so and offers to connect again; its notes stay.
 *
 * The tests run in order and build on each other's state, as two devices of one reader would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDevices, revokeDevice } from '../../src/server/accounts/users';
import type { NoteView } from '../../src/shared/notes/note-types';
import { browsersUnderTest, type ExtensionPage, type GlossBrowser, type TestPage } from './harness/driver';
import {
  addPassageNote,
  listNotes,
  readDashboard,
  readNoteHighlights,
  requestFrom,
  waitForDashboard,
  waitForGlossToRun,
} from './harness/notes';
import { waitFor } from './harness/page-scripts';
import { startServer, type TestServer } from './harness/server';
import { ARTICLE_PATH, launchBrowser } from './harness/session';
import {
  connectThroughOptions,
  deleteNoteOnPage,
  editNoteOnPage,
  LocalSyncServer,
  SYNC_UI,
  syncNowThroughOptions,
  syncStatus,
  waitForSyncSection,
} from './harness/sync';

/** Passages of article.html with no entity name inside (an entity's own card would win the hover). */
const CARRIERS = {
  text: 'Private carriers are another matter.',
  body: 'Which carriers still buy from Huawei?',
  colour: 'green',
  tags: ['carriers'],
} as const;
const RESEARCHERS = {
  text: 'Security researchers add a further worry.',
  body: 'Find the report.',
  colour: 'blue',
} as const;
const ALLIANCES = {
  text: 'Abroad, the picture is shaped by alliances.',
  body: 'Quad and cables.',
  colour: 'pink',
} as const;
const KIT = {
  text: 'Cheaper kit will keep tempting smaller operators.',
  body: 'Price vs security.',
  colour: 'purple',
} as const;
/** Written on A while the server is down. */
const RULES = {
  text: 'Whether the rules keep pace is another question.',
  body: 'Written offline on A.',
} as const;

const byId = (a: NoteView, b: NoteView): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
/**
 * A device's notes as they sync. The page's language stays with the browser that wrote the note
 * (docs/notes.md), so it is left out where devices are compared; `languagesOf` reads it.
 */
const notesOf = async (options: ExtensionPage): Promise<NoteView[]> =>
  (await listNotes(options)).notes.sort(byId).map(({ lang: _lang, ...synced }) => synced);
const languagesOf = async (options: ExtensionPage): Promise<Array<string | undefined>> =>
  (await listNotes(options)).notes.map((n) => n.lang);
const quoteOf = (n: NoteView): string | undefined => n.anchor?.quote.exact;
const byQuote = (notes: NoteView[], text: string): NoteView => {
  const found = notes.find((n) => quoteOf(n) === text);
  if (!found) throw new Error(`no note on "${text}" among ${notes.map(quoteOf).join(' | ')}`);
  return found;
};

/** Two devices of one reader. */
interface Device {
  browser: GlossBrowser;
  options: ExtensionPage;
  page?: TestPage;
}

// Chromium only, as the issue asks (two Chromium profiles). The same spec passes in Firefox ESR too
// (GLOSS_SYNC_E2E_FIREFOX=1), but takes about 90 s there rather than 25: each `clickByRole` of the Firefox
// harness took about 4 s on these machines, and this spec clicks the options pages often.
const browsers = browsersUnderTest().filter(
  (b) => b === 'chromium' || process.env.GLOSS_SYNC_E2E_FIREFOX === '1',
);

if (browsers.length === 0) console.warn('sync.test.ts: SKIPPED, Chromium is not among GLOSS_E2E_BROWSERS.');

describe.skipIf(browsers.length === 0).each(browsers.length > 0 ? browsers : (['chromium'] as const))(
  'notes synced between two %s profiles through a sync server on 127.0.0.1',
  (browserName) => {
    let pages: TestServer | undefined;
    let sync: LocalSyncServer | undefined;
    let a: Device | undefined;
    let b: Device | undefined;
    let user = { userId: '', codes: [] as string[] };

    const launchDevice = async (): Promise<Device> => {
      const browser = await launchBrowser(browserName, pages!);
      return { browser, options: await browser.openExtensionPage('options.html') };
    };

    beforeAll(async () => {
      pages = await startServer();
      sync = await LocalSyncServer.start();
      user = await sync.enrolUser('reader', 2);
      a = await launchDevice();
      b = await launchDevice();
    });

    afterAll(async () => {
      for (const device of [a, b]) await device?.browser.close().catch(() => undefined);
      await sync?.dispose();
      await pages?.close();
    });

    it('each device connects through its options page with its own enrolment code', async () => {
      for (const [device, code, typed] of [
        [a!, user.codes[0]!, sync!.url],
        // Typed as a reader would, without the scheme: an address on this computer gets http.
        [b!, user.codes[1]!, sync!.url.replace(/^http:\/\//, '')],
      ] as const) {
        await waitForSyncSection(device.options, [SYNC_UI.connect], 'the connect form');
        const text = await connectThroughOptions(device.options, sync!.url, code, typed);
        expect(text).toContain(SYNC_UI.allSent);
        expect(text).not.toContain('Not synced yet');
        expect(await syncStatus(device.options)).toMatchObject({
          connected: true,
          serverUrl: sync!.url,
          pending: 0,
        });
      }
      const devices = await listDevices(sync!.sql, user.userId);
      expect(devices.map((d) => d.revokedAt)).toEqual([null, null]);
      // Named as the connect form proposed: the browser, its version and the system.
      expect(devices.map((d) => d.name)).toEqual([
        expect.stringMatching(/^(Chromium|Chrome) \d+ on Linux$/),
        expect.stringMatching(/^(Chromium|Chrome) \d+ on Linux$/),
      ]);
      expect(sync!.failedRequests()).toEqual([]);
    });

    it('a note written on device A appears on device B with the same text, passage and colour', async () => {
      const page = await a!.browser.open(pages!.url(ARTICLE_PATH));
      a!.page = page;
      await waitForGlossToRun(a!.browser, page);
      for (const note of [CARRIERS, RESEARCHERS, ALLIANCES, KIT]) await addPassageNote(page, note);
      const written = await notesOf(a!.options);
      expect(written.map((n) => [quoteOf(n), n.body, n.color, n.tags])).toEqual(
        expect.arrayContaining([
          [CARRIERS.text, CARRIERS.body, CARRIERS.colour, CARRIERS.tags],
          [RESEARCHERS.text, RESEARCHERS.body, RESEARCHERS.colour, []],
          [ALLIANCES.text, ALLIANCES.body, ALLIANCES.colour, []],
          [KIT.text, KIT.body, KIT.colour, []],
        ]),
      );
      expect(written).toHaveLength(4);
      expect(await languagesOf(a!.options)).toEqual(['en', 'en', 'en', 'en']);

      expect(await syncNowThroughOptions(a!.options)).toContain(SYNC_UI.allSent);
      await syncNowThroughOptions(b!.options);
      expect(await notesOf(b!.options)).toEqual(written);
      expect(await languagesOf(b!.options)).toEqual([undefined, undefined, undefined, undefined]);

      const pageB = await b!.browser.open(pages!.url(ARTICLE_PATH));
      b!.page = pageB;
      const expected = {
        'gloss-note-green': [CARRIERS.text],
        'gloss-note-blue': [RESEARCHERS.text],
        'gloss-note-pink': [ALLIANCES.text],
        'gloss-note-purple': [KIT.text],
      };
      await waitFor(
        () => readNoteHighlights(pageB),
        (h) => Object.keys(h).length === 4,
        { what: "the synced notes placed on B's page" },
      );
      expect(await readNoteHighlights(pageB)).toEqual(expected);
    });

    it("an edit and a delete made on B's page come back to A", async () => {
      const edited = 'Edited on B: the carriers weigh price against security.';
      await editNoteOnPage(b!.page!, 'gloss-note-green', { body: edited });
      await deleteNoteOnPage(b!.page!, 'gloss-note-blue');
      const notesB = await notesOf(b!.options);
      expect(notesB.map(quoteOf)).not.toContain(RESEARCHERS.text);

      expect(await syncNowThroughOptions(b!.options)).toContain(SYNC_UI.allSent);
      await syncNowThroughOptions(a!.options);
      const notesA = await notesOf(a!.options);
      expect(notesA).toEqual(notesB);
      expect(byQuote(notesA, CARRIERS.text).body).toBe(edited);
      expect(notesA.map(quoteOf).sort()).toEqual([ALLIANCES.text, CARRIERS.text, KIT.text].sort());

      const dashboard = await a!.browser.openExtensionPage('dashboard.html');
      const shown = await waitForDashboard(
        dashboard,
        (s) => s.notes.length === 3,
        "A's dashboard to list three notes",
      );
      expect(shown.notes.map((n) => n.quote).sort()).toEqual(
        [ALLIANCES.text, CARRIERS.text, KIT.text].sort(),
      );
      expect(shown.notes.find((n) => n.quote === CARRIERS.text)?.body).toBe(edited);
      await dashboard.close();

      await a!.page!.reload();
      await waitFor(
        () => readNoteHighlights(a!.page!),
        (h) => Object.keys(h).length === 3,
        { what: "A's page to show the three notes left" },
      );
      expect(await readNoteHighlights(a!.page!)).toEqual({
        'gloss-note-green': [CARRIERS.text],
        'gloss-note-pink': [ALLIANCES.text],
        'gloss-note-purple': [KIT.text],
      });
    });

    it('both devices offline, then reconnected: they converge and no edit is lost', async () => {
      const before = await notesOf(a!.options);
      await sync!.stop();

      // A, offline: the carriers note's text and colour, the alliances note's text, and a new note.
      await editNoteOnPage(a!.page!, 'gloss-note-green', {
        body: 'A, offline: earlier text.',
        colour: 'blue',
      });
      await editNoteOnPage(a!.page!, 'gloss-note-pink', { body: 'Alliances, edited on A offline.' });
      await addPassageNote(a!.page!, RULES);
      const offlineA = await syncNowThroughOptions(a!.options);
      expect(offlineA).toContain(SYNC_UI.offline);
      expect(offlineA).toContain(SYNC_UI.waiting(3));
      expect(await syncStatus(a!.options)).toMatchObject({
        connected: true,
        pending: 3,
        error: SYNC_UI.offline,
      });

      // B, offline and later: the carriers note's text again (this one wins) and its tags, and the kit note.
      const laterBody = 'B, offline: later text, which wins.';
      const tagsB = ['carriers', 'offline'];
      await editNoteOnPage(b!.page!, 'gloss-note-green', { body: laterBody, tags: tagsB });
      await editNoteOnPage(b!.page!, 'gloss-note-purple', { body: 'Kit, edited on B offline.' });
      const offlineB = await syncNowThroughOptions(b!.options);
      expect(offlineB).toContain(SYNC_UI.offline);
      expect(offlineB).toContain(SYNC_UI.waiting(2));

      await sync!.restart();
      for (const device of [a!, b!, a!, b!]) await syncNowThroughOptions(device.options);

      for (const device of [a!, b!]) {
        const text = await waitForSyncSection(device.options, [SYNC_UI.allSent], 'every change sent');
        expect(text).not.toContain(SYNC_UI.offline);
        const status = await syncStatus(device.options);
        expect(status).toMatchObject({ connected: true, pending: 0 });
        expect(status.error).toBeUndefined();
      }
      const notesA = await notesOf(a!.options);
      const notesB = await notesOf(b!.options);
      expect(notesB).toEqual(notesA);
      const summary = (n: NoteView) => ({ body: n.body, color: n.color, tags: n.tags, deleted: n.deleted });
      expect(summary(byQuote(notesA, CARRIERS.text))).toEqual({
        body: laterBody,
        color: 'blue',
        tags: tagsB,
        deleted: false,
      });
      expect(byQuote(notesA, ALLIANCES.text).body).toBe('Alliances, edited on A offline.');
      expect(byQuote(notesA, KIT.text).body).toBe('Kit, edited on B offline.');
      expect(summary(byQuote(notesA, RULES.text))).toEqual({
        body: RULES.body,
        color: 'yellow',
        tags: [],
        deleted: false,
      });
      expect(notesA).toHaveLength(4);
      // Nothing else moved: same ids, passages and creation times as before the outage, plus the new note.
      for (const old of before) {
        const now = notesA.find((n) => n.id === old.id);
        expect(now && { anchor: now.anchor, url: now.url, createdAt: now.createdAt }).toEqual({
          anchor: old.anchor,
          url: old.url,
          createdAt: old.createdAt,
        });
      }

      const dashboard = await b!.browser.openExtensionPage('dashboard.html');
      const shown = await waitForDashboard(
        dashboard,
        (s) => s.notes.length === 4,
        "B's dashboard to list four notes",
      );
      expect(shown.notes.find((n) => n.quote === CARRIERS.text)).toMatchObject({
        body: laterBody,
        tags: tagsB,
      });
      expect((await readDashboard(dashboard)).error).toBe('');
      await dashboard.close();

      // The losing text is kept in the server's history, and no request failed once the server was back.
      const carriers = byQuote(notesA, CARRIERS.text);
      const history = await sync!.sql.query<{ value: unknown }>(
        "SELECT value FROM note_history WHERE note_id = $1 AND field = 'body'",
        [carriers.id],
      );
      expect(history.map((h) => h.value)).toContain('A, offline: earlier text.');
      expect(sync!.failedRequests()).toEqual([]);
    });

    it('a device revoked on the server says so in plain words, offers to connect again, and keeps its notes', async () => {
      const before = await notesOf(b!.options);
      const devices = await listDevices(sync!.sql, user.userId);
      // B enrolled second; devices are listed in enrolment order.
      expect(await revokeDevice(sync!.sql, devices[1]!.id, Date.now())).toBe(true);
      // B learns it either from its live channel (the server re-checks live tokens now and then and closes a
      // revoked one, and B then syncs) or from the next sync. Which comes first is a race, and the first may
      // already have replaced the "Sync now" button by the connect form: ask for the sync as the button does.
      await requestFrom(b!.options, 'syncNow', {});
      const text = await waitForSyncSection(
        b!.options,
        [SYNC_UI.revoked, SYNC_UI.serverAddress, SYNC_UI.connect],
        'the revoked message and the connect form',
      );
      expect(text).not.toContain(SYNC_UI.connectedTo(sync!.url));
      expect(await syncStatus(b!.options)).toMatchObject({ connected: false });
      expect(await notesOf(b!.options)).toEqual(before);
      // B had nothing to send, so the pull is what the server refused.
      expect(sync!.failedRequests()).toEqual(['GET /v1/pull 401']);
    });
  },
);
