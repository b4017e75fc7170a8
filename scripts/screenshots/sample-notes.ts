/**
 * The notebook the documentation screenshots show: notes of every colour, with tags, on the demo article and
 * on two other sites, plus one entity note. Fixed dates, so the screenshots change only when the pages do.
 */
import type { NoteView } from '../../src/shared/notes/note-types';
import { toJsonLd } from '../../src/shared/notes/web-annotation/jsonld-export';

const DAY = 86_400_000;
/** 4 December 2026, 14:05 UTC: a date whose day and month cannot be confused. */
const BASE = Date.UTC(2026, 11, 4, 14, 5);

const note = (id: number, patch: Partial<NoteView>): NoteView => ({
  id: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
  url: 'https://example.com/',
  pageKey: 'https://example.com/',
  site: 'example.com',
  title: '',
  anchor: null,
  body: '',
  color: 'yellow',
  tags: [],
  deleted: false,
  createdAt: BASE,
  updatedAt: BASE,
  ...patch,
});

const quote = (exact: string) => ({ quote: { exact, prefix: '', suffix: '' } });

/** The sample notes; `articleUrl` is where the demo article is served, so its popup lists three of them. */
export function sampleNotes(articleUrl: string): NoteView[] {
  const article = {
    url: articleUrl,
    pageKey: articleUrl,
    site: new URL(articleUrl).hostname,
    title: 'Tokyo weighs its network risks as old partners and new suppliers collide',
  };
  return [
    note(1, {
      ...article,
      anchor: quote('Officials had kept Huawei and ZTE out of public procurement for years'),
      body: 'No regulation names them: the exclusion is by practice only. Check the 2019 procurement guidance.',
      tags: ['procurement', 'japan'],
      createdAt: BASE - 2 * DAY,
      updatedAt: BASE,
    }),
    note(2, {
      ...article,
      anchor: quote('have pitched their own radio equipment as the trusted alternative'),
      body: 'NEC and Fujitsu, Open RAN.',
      color: 'green',
      tags: ['5g', 'suppliers'],
      createdAt: BASE - DAY,
      updatedAt: BASE - DAY,
    }),
    note(3, {
      ...article,
      anchor: quote('had spent months inside the networks of Japan-linked firms'),
      body: '',
      color: 'pink',
      tags: ['apt10'],
      createdAt: BASE - 3 * DAY,
      updatedAt: BASE - 3 * DAY,
    }),
    note(4, {
      url: 'https://www.example.org/2026/11/undersea-cables-quad',
      pageKey: 'https://www.example.org/2026/11/undersea-cables-quad',
      site: 'example.org',
      title: 'The Quad turns to undersea cables',
      anchor: quote('a cable-security partnership announced at the leaders’ summit'),
      body: 'Compare with the 2023 statement on trusted suppliers.',
      color: 'blue',
      tags: ['quad', 'cables'],
      createdAt: BASE - 9 * DAY,
      updatedAt: BASE - 9 * DAY,
    }),
    note(5, {
      entityId: 'beca',
      url: 'https://www.example.org/2026/11/undersea-cables-quad',
      pageKey: 'https://www.example.org/2026/11/undersea-cables-quad',
      site: 'example.org',
      title: 'The Quad turns to undersea cables',
      body: 'Signed October 2020, the last of the four foundational agreements.',
      color: 'purple',
      tags: ['india', 'agreements'],
      createdAt: BASE - 20 * DAY,
      updatedAt: BASE - 20 * DAY,
    }),
  ];
}

/** The sample notes as a Gloss JSON-LD export, which the dashboard's "Import notes…" reads. */
export function sampleNotesFile(articleUrl: string): string {
  return toJsonLd(sampleNotes(articleUrl), { entityNames: { beca: 'BECA' }, exportedAt: BASE });
}
