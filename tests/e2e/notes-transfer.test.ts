/**
 * Moving notes to another browser profile, as a reader moving to a new computer does: in profile A, three
 * notes on a Japanese news page (the project's own tests/fixtures/pages/news-article-ja.html): a passage note
 * with tags and a multi-line body, a passage note with no text, and a note about an entity written in its card
 * ("Add a note about Kishida Fumio", from 岸田文雄 in the page). The dashboard's "Export JSON-LD" button saves the file (a real
 * download); a second, fresh profile B on the same server imports it through the dashboard's "Import notes…"
 * button and its file picker. B's notebook then equals A's field by field; importing the file again adds
 * nothing; and the page in B shows the passage notes and the entity note in its card.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NoteView } from '../../src/shared/notes/note-types';
import { hoverMention, resetCard, waitForCard } from './harness/actions';
import { browsersUnderTest, type DownloadedFile, type GlossBrowser } from './harness/driver';
import { kbEntity } from './harness/kb';
import {
  addPassageNote,
  COLOUR_NAMES,
  listNotes,
  NOTE_UI,
  portableFields,
  readNoteHighlights,
  waitForDashboard,
} from './harness/notes';
import { waitFor, waitForScan } from './harness/page-scripts';
import { startServer, type TestServer } from './harness/server';
import { launchBrowser } from './harness/session';

const PAGE_PATH = '/fixtures/news-article-ja.html';

const PASSAGE = {
  text: '報告までの期限を短くすれば、同じ手口で狙われている他の組織に早く注意を呼びかけられる。',
  body: 'Shorter deadlines “so others are warned sooner” — compare the 2023 guidance.\nSecond line: café, 東京.',
  colour: 'blue',
  tags: ['contractors', 'reporting'],
} as const;
const HIGHLIGHT_ONLY = {
  text: '一方で、中小の委託先からは、人手が足りず夜間や休日の対応は難しいという声も上がっている。',
  body: '',
} as const;
const ENTITY = {
  id: 'kishida',
  highlight: 'gloss-kishida',
  body: 'Hosted the G7 in Hiroshima; check who attended the Quad side meeting.',
  colour: 'purple',
  tags: ['g7'],
} as const;

const byId = (a: NoteView, b: NoteView): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

describe.each(browsersUnderTest())(
  'notes exported from one profile and imported into another (%s)',
  (browserName) => {
    let server: TestServer | undefined;
    let profileA: GlossBrowser | undefined;
    let profileB: GlossBrowser | undefined;
    const files = mkdtempSync(join(tmpdir(), 'gloss-e2e-notes-'));
    let exported: DownloadedFile;
    let notesA: NoteView[];

    beforeAll(async () => {
      server = await startServer();
      profileA = await launchBrowser(browserName, server);
    });

    afterAll(async () => {
      await profileA?.close().catch(() => undefined);
      await profileB?.close().catch(() => undefined);
      await server?.close();
      rmSync(files, { recursive: true, force: true });
    });

    it('profile A: two passage notes and a note about an entity, written through the page UI', async () => {
      const page = await profileA!.open(server!.url(PAGE_PATH));
      await waitForScan(page);
      await addPassageNote(page, PASSAGE);
      await addPassageNote(page, HIGHLIGHT_ONLY);

      await hoverMention(page, ENTITY.highlight);
      const name = kbEntity(ENTITY.id).name;
      const addAbout = `Add a note about ${name}`;
      await waitForCard(page, `the ${name} card`, (c) => c.buttons.includes(addAbout));
      await page.clickInCard('button', addAbout);
      await waitForCard(page, 'the editor in the entity card', (c) => c.buttons.includes(NOTE_UI.save));
      await page.clickInCard('textbox', 'Note');
      await page.typeText(ENTITY.body);
      await page.clickInCard('radio', COLOUR_NAMES[ENTITY.colour]);
      await page.clickInCard('textbox', 'Tags');
      await page.typeText(ENTITY.tags.join(', '));
      await page.clickInCard('button', NOTE_UI.save);
      const card = await waitForCard(
        page,
        'the entity note in the card',
        (c) => !c.buttons.includes(NOTE_UI.save),
      );
      expect(card.text).toContain(ENTITY.body);
      await resetCard(page);
      await page.close();
    });

    it('profile A: "Export JSON-LD" downloads every note as a Web Annotation collection', async () => {
      const dashboard = await profileA!.openExtensionPage('dashboard.html');
      await waitForDashboard(dashboard, (s) => s.notes.length === 3, 'the dashboard to list three notes');
      notesA = (await listNotes(dashboard)).notes.sort(byId);
      const summary = notesA.map((n) => ({
        body: n.body,
        color: n.color,
        tags: n.tags,
        entityId: n.entityId,
        quote: n.anchor?.quote.exact,
      }));
      expect(summary).toEqual(
        expect.arrayContaining([
          {
            body: PASSAGE.body,
            color: PASSAGE.colour,
            tags: PASSAGE.tags,
            entityId: undefined,
            quote: PASSAGE.text,
          },
          { body: '', color: 'yellow', tags: [], entityId: undefined, quote: HIGHLIGHT_ONLY.text },
          {
            body: ENTITY.body,
            color: ENTITY.colour,
            tags: ENTITY.tags,
            entityId: ENTITY.id,
            quote: undefined,
          },
        ]),
      );
      expect(summary).toHaveLength(3);

      exported = await dashboard.download('button', NOTE_UI.exportJsonLd);
      expect(exported.filename).toMatch(/^gloss-notes-\d{4}-\d{2}-\d{2}\.jsonld$/);
      const json = JSON.parse(exported.text) as {
        type: string;
        total: number;
        first: { items: Array<{ id: string; target: { source?: { language?: string } } }> };
      };
      expect(json.type).toBe('AnnotationCollection');
      // The page declares <html lang="ja">: every note written on it says so in its page resource.
      const sources = json.first.items.flatMap((a) => (a.target.source ? [a.target.source] : []));
      expect(sources.length).toBeGreaterThan(0);
      expect(sources.map((s) => s.language)).toEqual(sources.map(() => 'ja'));
      expect(json.total).toBe(3);
      expect(json.first.items.map((a) => a.id).sort()).toEqual(notesA.map((n) => `urn:uuid:${n.id}`));
      await waitForDashboard(
        dashboard,
        (s) => s.status === `Saved ${exported.filename}.`,
        'the dashboard to confirm the export',
      );
      await dashboard.close();
      await profileA!.close();
      profileA = undefined;
    });

    it('profile B (fresh): importing the file through the dashboard gives the same notes, field by field', async () => {
      const path = join(files, exported.filename);
      writeFileSync(path, exported.text);
      profileB = await launchBrowser(browserName, server!);
      const dashboard = await profileB.openExtensionPage('dashboard.html');
      await waitForDashboard(dashboard, (s) => s.count === '0 notes', 'the fresh dashboard to be empty');
      expect((await listNotes(dashboard)).notes).toEqual([]);

      await dashboard.chooseFile('button', NOTE_UI.importNotes, path);
      const imported = await waitForDashboard(
        dashboard,
        (s) => s.status === 'Imported 3 notes.' && s.notes.length === 3,
        'the dashboard to report and list the imported notes',
      );
      expect(imported.error).toBe('');
      const notesB = (await listNotes(dashboard)).notes.sort(byId);
      expect(notesB.map(portableFields)).toEqual(notesA.map(portableFields));

      // The same file again: nothing added, nothing changed.
      await dashboard.chooseFile('button', NOTE_UI.importNotes, path);
      const again = await waitForDashboard(
        dashboard,
        (s) => s.status.startsWith(NOTE_UI.importedNone),
        'the dashboard to report the second import',
      );
      expect(again.status).toBe(`${NOTE_UI.importedNone} 3 were already here.`);
      expect(again.count).toBe('3 notes');
      expect((await listNotes(dashboard)).notes.sort(byId).map(portableFields)).toEqual(
        notesA.map(portableFields),
      );
      await dashboard.close();
    });

    it('profile B: the page shows the imported passage notes and the entity note in its card', async () => {
      const page = await profileB!.open(server!.url(PAGE_PATH));
      await waitFor(
        () => readNoteHighlights(page),
        (h) => Object.keys(h).length === 2,
        { what: 'the imported notes placed on the page' },
      );
      expect(await readNoteHighlights(page)).toEqual({
        [`gloss-note-${PASSAGE.colour}`]: [PASSAGE.text],
        'gloss-note-yellow': [HIGHLIGHT_ONLY.text],
      });
      await waitForScan(page);
      await hoverMention(page, ENTITY.highlight);
      const card = await waitForCard(page, 'the entity card with the imported note', (c) =>
        c.text.includes(ENTITY.body),
      );
      expect(card.name).toBe(`Gloss: ${kbEntity(ENTITY.id).name}`);
      await page.close();
    });
  },
);
