/**
 * The W3C Web Annotation (JSON-LD) and Markdown exports: the fields the model requires, the exact
 * selectors, entity notes, byte-stable output, and Markdown that a reader's text cannot break.
 */
import { describe, expect, it } from 'vitest';
import { toJsonLd } from '../../../../../src/shared/notes/web-annotation/jsonld-export';
import { toMarkdown } from '../../../../../src/shared/notes/web-annotation/markdown-export';
import { asUri } from '../../../../../src/shared/notes/web-annotation/uri';
import { noteView } from '../../../helpers/note-view';

const EXPORTED_AT = Date.UTC(2024, 1, 1, 10, 30);
const OPTS = { entityNames: { cicada: 'Cicada' }, exportedAt: EXPORTED_AT, version: '1.2.3' };
const GENERATOR = {
  id: 'https://github.com/gloss-extension/ns#Gloss',
  type: 'Software',
  name: 'Gloss',
  'schema:softwareVersion': '1.2.3',
};

const note = noteView;

const passage = note({
  id: '3f1c2b7e-8a4d-4c1e-9b2a-1d2e3f4a5b6c',
  url: 'https://www.example.com/a?ref=1',
  anchor: {
    quote: { exact: 'critical infrastructure', prefix: 'operators of ', suffix: ' must report' },
    position: { start: 120, end: 143 },
  },
  body: 'Compare with the 2017 law.',
  tags: ['policy', 'cyber law'],
  color: 'green',
  createdAt: Date.UTC(2024, 0, 2, 9),
  updatedAt: Date.UTC(2024, 0, 3, 9),
});
const highlight = note({
  id: '4a1c2b7e-8a4d-4c1e-9b2a-1d2e3f4a5b6c',
  anchor: { quote: { exact: 'within 24 hours', prefix: '', suffix: '.' } },
  color: 'pink',
  createdAt: Date.UTC(2024, 0, 4),
  updatedAt: Date.UTC(2024, 0, 4),
});
const pageNote = note({
  id: '5b1c2b7e-8a4d-4c1e-9b2a-1d2e3f4a5b6c',
  url: 'https://example.com/b',
  pageKey: 'https://example.com/b',
  title: '',
  body: 'Worth rereading.',
  createdAt: Date.UTC(2024, 0, 5),
  updatedAt: Date.UTC(2024, 0, 5),
});
const entityNote = note({
  id: '6c1c2b7e-8a4d-4c1e-9b2a-1d2e3f4a5b6c',
  entityId: 'cicada',
  body: 'Also behind the 2019 campaign.',
  color: 'blue',
  createdAt: Date.UTC(2024, 0, 6),
  updatedAt: Date.UTC(2024, 0, 6),
});
const deleted = note({ id: '7d1c2b7e-8a4d-4c1e-9b2a-1d2e3f4a5b6c', body: 'gone', deleted: true });
const ALL = [passage, highlight, pageNote, entityNote, deleted];

type Json = Record<string, unknown>;
const items = (text: string): Json[] => (JSON.parse(text) as { first: { items: Json[] } }).first.items;

describe('toJsonLd', () => {
  it('writes an AnnotationCollection with the W3C context, a Gloss context, label, total, first and last page', () => {
    const doc = JSON.parse(toJsonLd(ALL, OPTS)) as Json;
    expect(doc['@context']).toEqual([
      'http://www.w3.org/ns/anno.jsonld',
      { gloss: 'https://github.com/gloss-extension/ns#' },
    ]);
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.id).toBe(`urn:gloss:export:${EXPORTED_AT}`);
    expect(doc.label).toBe('Gloss notes');
    expect(doc.created).toBe('2024-02-01T10:30:00.000Z');
    expect(doc.total).toBe(4);
    const first = doc.first as Json;
    expect(first.type).toBe('AnnotationPage');
    expect(first.id).toBe(`urn:gloss:export:${EXPORTED_AT}:page:1`);
    expect(first.partOf).toEqual({ id: doc.id, label: 'Gloss notes', total: 4 });
    expect(doc.last).toBe(first.id);
    expect(first.startIndex).toBe(0);
    expect(doc).not.toHaveProperty('creator');
    expect((first.items as Json[]).map((a) => a.id)).toEqual([
      `urn:uuid:${passage.id}`,
      `urn:uuid:${highlight.id}`,
      `urn:uuid:${pageNote.id}`,
      `urn:uuid:${entityNote.id}`,
    ]);
  });

  it('writes a passage note with its text, tags, colour, dates and both selectors', () => {
    expect(items(toJsonLd([passage], OPTS))[0]).toEqual({
      id: 'urn:uuid:3f1c2b7e-8a4d-4c1e-9b2a-1d2e3f4a5b6c',
      type: 'Annotation',
      motivation: 'commenting',
      created: '2024-01-02T09:00:00.000Z',
      modified: '2024-01-03T09:00:00.000Z',
      generator: GENERATOR,
      generated: '2024-02-01T10:30:00.000Z',
      body: [
        {
          type: 'TextualBody',
          purpose: 'commenting',
          format: 'text/plain',
          value: 'Compare with the 2017 law.',
        },
        { type: 'TextualBody', purpose: 'tagging', format: 'text/plain', value: 'policy' },
        { type: 'TextualBody', purpose: 'tagging', format: 'text/plain', value: 'cyber law' },
      ],
      target: {
        type: 'SpecificResource',
        source: { id: 'https://www.example.com/a?ref=1', 'dcterms:title': 'Cyber law' },
        selector: [
          {
            type: 'TextQuoteSelector',
            exact: 'critical infrastructure',
            prefix: 'operators of ',
            suffix: ' must report',
          },
          { type: 'TextPositionSelector', start: 120, end: 143 },
        ],
      },
      'gloss:color': 'green',
    });
  });

  it('writes a highlight without text as "highlighting" with no body and only the quote selector', () => {
    const [annotation] = items(toJsonLd([highlight], OPTS));
    expect(annotation!.motivation).toBe('highlighting');
    expect(annotation).not.toHaveProperty('body');
    expect(annotation!.target).toEqual({
      type: 'SpecificResource',
      source: { id: 'https://example.com/a', 'dcterms:title': 'Cyber law' },
      selector: [{ type: 'TextQuoteSelector', exact: 'within 24 hours', prefix: '', suffix: '.' }],
    });
  });

  it('targets the page itself for a page note, without a title when there is none', () => {
    expect(items(toJsonLd([pageNote], OPTS))[0]!.target).toEqual({ id: 'https://example.com/b' });
  });

  it('targets the entity for an entity note, with its name, and keeps the page under gloss:page', () => {
    const [annotation] = items(toJsonLd([entityNote], OPTS));
    expect(annotation!.target).toEqual({
      id: 'urn:gloss:entity:cicada',
      'gloss:entity': 'cicada',
      name: 'Cicada',
    });
    expect(annotation!['gloss:page']).toEqual({ id: 'https://example.com/a', 'dcterms:title': 'Cyber law' });
    expect(annotation!['gloss:color']).toBe('blue');
    const unnamed = items(toJsonLd([entityNote], { entityNames: {}, exportedAt: EXPORTED_AT }))[0]!;
    expect((unnamed.target as Json).name).toBe('cicada');
  });

  it('names the reader as creator of the collection and of notes written in Gloss, when a name is set', () => {
    const imported = note({ id: '8e1c2b7e-8a4d-8c1e-9b2a-1d2e3f4a5b6c', body: 'From another tool' });
    const text = toJsonLd([passage, imported], { ...OPTS, creatorName: '  Aiko \n Tanaka ' });
    const doc = JSON.parse(text) as Json;
    const reader = { type: 'Person', name: 'Aiko Tanaka' };
    expect(doc.creator).toEqual(reader);
    const byId = (id: string) => items(text).find((a) => a.id === `urn:uuid:${id}`);
    const [own, other] = [byId(passage.id), byId(imported.id)];
    expect(own!.creator).toEqual(reader);
    // Gloss derived this id on import: it does not know who wrote that note.
    expect(other).not.toHaveProperty('creator');
    for (const blank of ['', '   ', undefined])
      expect(items(toJsonLd([passage], { ...OPTS, creatorName: blank }))[0]).not.toHaveProperty('creator');
  });

  it('names Gloss as the generator without a version when none is given', () => {
    const [annotation] = items(toJsonLd([passage], { entityNames: {}, exportedAt: EXPORTED_AT }));
    expect(annotation!.generator).toEqual({
      id: 'https://github.com/gloss-extension/ns#Gloss',
      type: 'Software',
      name: 'Gloss',
    });
  });

  it('writes addresses as URIs: a URI unchanged, an IRI with its host in Punycode and the rest percent-encoded', () => {
    expect(asUri('https://www.example.com/a?ref=1#part')).toBe('https://www.example.com/a?ref=1#part');
    expect(asUri('http://example.com/%E6%9D%B1')).toBe('http://example.com/%E6%9D%B1');
    expect(asUri('https://ja.wikipedia.org/wiki/東京')).toBe(
      'https://ja.wikipedia.org/wiki/%E6%9D%B1%E4%BA%AC',
    );
    expect(asUri('https://例え.jp/パス?q=日本#節')).toBe(
      'https://xn--r8jz45g.jp/%E3%83%91%E3%82%B9?q=%E6%97%A5%E6%9C%AC#%E7%AF%80',
    );
    expect(asUri('https://example.com/a[1]|b?x[]=1 2#f|g#h')).toBe(
      'https://example.com/a%5B1%5D%7Cb?x%5B%5D=1%202#f%7Cg%23h',
    );
    expect(asUri('https://[::1]:8080/x%zz')).toBe('https://[::1]:8080/x%25zz');
    const iri = note({ id: pageNote.id, url: 'https://ja.wikipedia.org/wiki/東京', body: 'x' });
    expect(items(toJsonLd([iri], OPTS))[0]!.target).toEqual({
      id: 'https://ja.wikipedia.org/wiki/%E6%9D%B1%E4%BA%AC',
      'dcterms:title': 'Cyber law',
    });
  });

  it('leaves deleted notes out', () => {
    expect(items(toJsonLd([deleted, pageNote], OPTS)).map((a) => a.id)).toEqual([`urn:uuid:${pageNote.id}`]);
  });

  it('gives byte-identical output for the same notes in any order, indented by two spaces', () => {
    const text = toJsonLd(ALL, OPTS);
    expect(toJsonLd([...ALL].reverse(), OPTS)).toBe(text);
    expect(text.startsWith('{\n  "@context": [\n    "http://www.w3.org/ns/anno.jsonld",\n')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });
});

describe('toMarkdown', () => {
  const md = toMarkdown(ALL, OPTS);

  it('has a heading, the export time and the number of notes', () => {
    expect(md.startsWith('# Gloss notes\n\nExported 2024-02-01 at 10:30 UTC: 4 notes.\n\n')).toBe(true);
  });

  it('puts the page with the most recent note first, each title linking to its page', () => {
    const b = md.indexOf('## [https://example.com/b](https://example.com/b)');
    const a = md.indexOf('## [Cyber law](https://example.com/a)');
    expect(b).toBeGreaterThan(0);
    expect(a).toBeGreaterThan(b);
  });

  it('writes each note as its quote, its text, then tags, colour and dates', () => {
    expect(md).toContain(
      [
        '> critical infrastructure',
        '',
        'Compare with the 2017 law.',
        '',
        'Tags: policy, cyber law · Colour: green · 2024-01-02 (edited 2024-01-03)',
        '',
        '* * *',
        '',
        '> within 24 hours',
        '',
        'Colour: pink · 2024-01-04',
      ].join('\n'),
    );
    expect(md).not.toContain('gone');
  });

  it('groups entity notes under their entity name, with the page they were written on', () => {
    expect(md).toContain(
      [
        '## Notes on entities',
        '',
        '### Cicada',
        '',
        'Also behind the 2019 campaign.',
        '',
        'Written on [Cyber law](https://example.com/a) · Colour: blue · 2024-01-06',
      ].join('\n'),
    );
  });

  it('prefixes every line of a multi-line quote with "> "', () => {
    const multi = note({
      id: 'a',
      anchor: { quote: { exact: 'one\ntwo\n\nthree', prefix: '', suffix: '' } },
    });
    expect(toMarkdown([multi], OPTS)).toContain('> one\n> two\n>\n> three\n');
  });

  it('keeps a title with brackets and parentheses inside its link', () => {
    const odd = note({ id: 'a', title: 'Law [draft] (v2)', url: 'https://example.com/a_(b) c', body: 'x' });
    expect(toMarkdown([odd], OPTS)).toContain('## [Law \\[draft\\] (v2)](https://example.com/a_%28b%29%20c)');
  });

  it('does not link addresses that are not web pages', () => {
    const bad = note({
      id: 'a',
      title: 'Click',
      url: 'javascript:alert(1)',
      pageKey: 'javascript:alert(1)',
      body: 'x',
    });
    const out = toMarkdown([bad], OPTS);
    expect(out).toContain('## Click\n');
    expect(out).not.toContain('](javascript:');
  });

  it("keeps the reader's lines from becoming headings, quotes, fences, rules or HTML", () => {
    const body = [
      '# Not a heading',
      '> not a quote',
      '```',
      'a line',
      '---',
      '===',
      'ok <img src=x onerror=alert(1)>',
    ];
    const out = toMarkdown([note({ id: 'a', body: body.join('\n') })], OPTS);
    expect(out).toContain(
      [
        '\\# Not a heading',
        '\\> not a quote',
        '\\```',
        'a line',
        '\\---',
        '\\===',
        'ok \\<img src=x onerror=alert(1)>',
      ].join('\n'),
    );
    expect(out.split('\n').filter((line) => line.startsWith('#'))).toEqual([
      '# Gloss notes',
      '## [Cyber law](https://example.com/a)',
    ]);
  });

  it('leaves out the page line of an entity note without a page', () => {
    const orphan = note({ id: 'a', entityId: 'cicada', url: '', pageKey: '', title: '', body: 'b' });
    expect(toMarkdown([orphan], OPTS)).toContain('### Cicada\n\nb\n\nColour: yellow · 2024-01-01\n');
    expect(items(toJsonLd([orphan], OPTS))[0]).not.toHaveProperty('gloss:page');
  });

  it('escapes entity names and tags that hold Markdown', () => {
    const tagged = note({ id: 'a', entityId: 'x', body: 'b', tags: ['*bold*', 'a_b'] });
    const out = toMarkdown([tagged], { entityNames: { x: '# [Name]' }, exportedAt: EXPORTED_AT });
    expect(out).toContain('### \\# \\[Name\\]\n');
    expect(out).toContain('Tags: \\*bold\\*, a\\_b');
  });

  it('is the same text for the same notes in any order', () => {
    expect(toMarkdown([...ALL].reverse(), OPTS)).toBe(md);
  });
});
