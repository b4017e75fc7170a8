/** Gloss's own JSON glossary format in and out (src/shared/kb/glossary-json.ts, issue 13 item 5). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENTITIES } from '../../../../src/kb/entities';
import { MAX_ERRORS_LISTED, MAX_GLOSSARY_BYTES } from '../../../../src/shared/kb/glossary-csv';
import {
  type GlossaryJson,
  type GlossaryJsonEntity,
  type GlossaryJsonParseResult,
  MAX_GLOSSARY_SOURCES,
  parseGlossaryJson,
  writeGlossaryJson,
} from '../../../../src/shared/kb/glossary-json';
import { DEFAULT_MAX_SOURCE_CHARS } from '../../../../src/shared/sources/source-types';

function ok(result: GlossaryJsonParseResult) {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.errors)}`);
  return result;
}

function errors(result: GlossaryJsonParseResult) {
  if (result.ok) throw new Error('accepted a file that should be refused');
  return result.errors;
}

/** The 1-based line of the first occurrence of `needle` in `text` (after `from`, when given). */
function lineOf(text: string, needle: string, from?: string): number {
  const start = from === undefined ? 0 : text.indexOf(from);
  const at = text.indexOf(needle, start);
  if (at < 0 || start < 0) throw new Error(`'${needle}' is not in the text`);
  return text.slice(0, at).split('\n').length;
}

const entity = (id: string, name: string, extra: Partial<GlossaryJsonEntity> = {}): GlossaryJsonEntity => ({
  id,
  name,
  type: 'organisation',
  description: '',
  aliases: [{ text: name }],
  related: [],
  links: [],
  ...extra,
});

const RICH: GlossaryJson = {
  exportedAt: '2026-12-05T02:30:00.000Z',
  entities: [
    {
      id: '0b6f3c52-8d7e-4a51-9b1e-5f2c7d9a4e01',
      name: 'National Cyber Security Centre',
      type: 'government-body',
      description: 'The UK’s technical authority for cyber security 🔐, part of GCHQ. <b>not markup</b>',
      aliases: [
        { text: 'National Cyber Security Centre' },
        {
          text: 'NCSC',
          caseSensitive: true,
          cues: ['UK', 'United Kingdom'],
          vetoCues: ['Netherlands', 'Finland'],
          shoutingNeedsCue: false,
          rejectBefore: '(?:Dutch|Finnish)\\s+$',
          rejectAfter: '\\s*-\\s*NL\\b',
        },
        { text: 'Line', caseSensitive: true },
        { text: 'quad', cues: ['Quad summit'], shoutingNeedsCue: true },
      ],
      related: ['nisc', 'c3e8f1a4-5b6d-4e7f-8a9b-0c1d2e3f4a55'],
      links: [
        { label: 'NCSC', url: 'https://www.ncsc.gov.uk/' },
        { label: 'Wikipedia', url: 'http://en.wikipedia.org/wiki/NCSC' },
      ],
      hidden: false,
    },
    {
      id: 'c3e8f1a4-5b6d-4e7f-8a9b-0c1d2e3f4a55',
      name: '内閣サイバーセキュリティセンター',
      type: 'government-body',
      description: '日本の内閣官房に置かれた組織。',
      aliases: [{ text: '内閣サイバーセキュリティセンター' }, { text: 'NISC', caseSensitive: true }],
      related: [],
      links: [],
      hidden: true,
    },
    {
      id: 'beca',
      name: 'बुनियादी विनिमय और सहयोग समझौता',
      type: 'agreement',
      description: 'भारत और अमेरिका के बीच रक्षा समझौता 🤝',
      aliases: [
        { text: 'बुनियादी विनिमय और सहयोग समझौता' },
        { text: 'बीका', cues: ['अमेरिका', 'समझौता'], rejectBefore: 'राव\\s*' },
      ],
      related: ['0b6f3c52-8d7e-4a51-9b1e-5f2c7d9a4e01'],
      links: [],
      builtin: true,
    },
  ],
  sources: [
    {
      id: '5e2a9c7b-1f4d-4b3a-8e6c-2d7f9a0b1c33',
      url: 'https://example.org/news/1',
      canonical: 'https://example.org/news/one',
      title: 'サイバー防衛 — a headline with "quotes" and \\ backslashes',
      author: 'A. Writer',
      siteName: 'Example News',
      publishedAt: '2026-02-07T09:00:00.000Z',
      lang: 'ja-JP',
      blocks: [
        { kind: 'heading', text: 'Heading 🛰️' },
        { kind: 'paragraph', text: 'Text with <script>alert(1)</script> kept as text.' },
      ],
      isTruncated: true,
      addedAt: '2026-02-08T10:15:00.000Z',
    },
    {
      id: 'second-source',
      url: 'http://example.com/',
      title: '',
      blocks: [{ kind: 'paragraph', text: 'Short.' }],
      isTruncated: false,
      addedAt: '2026-02-09T00:00:00Z',
    },
  ],
};

describe('round trip', () => {
  it('reads back exactly what it wrote, every rule field, order and flag included', () => {
    const text = writeGlossaryJson(RICH);
    const result = ok(parseGlossaryJson(text));
    expect(result.glossary).toEqual(RICH);
    expect(result.notices).toEqual([]);
    expect(writeGlossaryJson(result.glossary)).toBe(text);
  });

  it('writes two-space JSON with a stable key order and a final line break', () => {
    const text = writeGlossaryJson(RICH);
    expect(text.startsWith('{\n  "format": "gloss-glossary",\n  "version": 1,\n  "exportedAt"')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    const keys = Object.keys(JSON.parse(text).entities[0]);
    expect(keys).toEqual(['id', 'name', 'type', 'description', 'aliases', 'related', 'links', 'hidden']);
    expect(Object.keys(JSON.parse(text).entities[0].aliases[1])).toEqual([
      'text',
      'caseSensitive',
      'cues',
      'vetoCues',
      'shoutingNeedsCue',
      'rejectBefore',
      'rejectAfter',
    ]);
    // Input key order does not matter.
    const shuffled = {
      ...RICH,
      entities: RICH.entities.map((e) => Object.fromEntries(Object.entries(e).reverse())),
    };
    expect(writeGlossaryJson(shuffled as GlossaryJson)).toBe(text);
  });

  it('leaves out what the format does not hold (stored records can be passed as they are)', () => {
    const stored = {
      ...RICH.entities[1]!,
      clocks: { name: 'x' },
      deviceId: 'd',
      deleted: false,
    };
    const text = writeGlossaryJson({ exportedAt: RICH.exportedAt, entities: [stored], sources: [] });
    expect(text).not.toContain('clocks');
    expect(ok(parseGlossaryJson(text)).glossary.entities).toEqual([RICH.entities[1]]);
  });

  it('round-trips the 31 built-in entities', () => {
    expect(ENTITIES).toHaveLength(31);
    const glossary: GlossaryJson = {
      exportedAt: '2026-12-05T00:00:00.000Z',
      entities: ENTITIES.map((e) => ({
        id: e.id,
        name: e.name,
        type: e.type,
        description: e.description,
        aliases: e.aliases,
        related: e.related,
        links: e.links ?? [],
        builtin: true as const,
      })),
      sources: [],
    };
    const text = writeGlossaryJson(glossary);
    const result = ok(parseGlossaryJson(text));
    expect(result.glossary).toEqual(glossary);
    expect(result.notices).toEqual([]);
    expect(writeGlossaryJson(result.glossary)).toBe(text);
  });

  it('accepts a byte order mark', () => {
    expect(ok(parseGlossaryJson(`\uFEFF${writeGlossaryJson(RICH)}`)).glossary).toEqual(RICH);
  });
});

describe('the example file', () => {
  it('parses, without notices or conflicts', () => {
    const result = ok(parseGlossaryJson(readFileSync('docs/glossary-example.json', 'utf8')));
    expect(result.glossary.entities.map((e) => e.name)).toEqual([
      'National Cyber Security Centre',
      'Volt Typhoon',
      'JPCERT Coordination Center',
    ]);
    expect(result.glossary.entities[0]!.aliases[1]!.vetoCues).toEqual([
      'Netherlands',
      'Finland',
      'New Zealand',
    ]);
    expect(result.glossary.sources).toHaveLength(1);
    expect(result.notices).toEqual([]);
    expect(result.conflicts).toEqual([]);
  });
});

/** RICH written out, with `from` replaced by `to` (the first time it occurs). */
function edited(from: string, to: string): string {
  const text = writeGlossaryJson(RICH);
  if (!text.includes(from)) throw new Error(`'${from}' is not in the file`);
  return text.replace(from, to);
}

describe('refusing a file', () => {
  it('names the line of a JSON syntax error', () => {
    const text = edited('"type": "agreement",', '"type": "agreement",,');
    expect(errors(parseGlossaryJson(text))).toEqual([
      { line: lineOf(text, '"agreement",,'), message: expect.stringMatching(/^this is not valid JSON: /) },
    ]);
    const comma = edited('"NISC",\n', '"NISC",,\n');
    expect(errors(parseGlossaryJson(comma))[0]!.line).toBe(lineOf(comma, '"NISC",,'));
    const trailing = '{\n  "format": "gloss-glossary",\n  "entities": [\n    1,\n  ]\n}';
    expect(errors(parseGlossaryJson(trailing))).toEqual([
      {
        line: 5,
        message: "this is not valid JSON: a comma before ']' (JSON allows no comma after the last item)",
      },
    ]);
    const open = '{\n  "format": "gloss-glossary",\n  "version": "1\n}';
    expect(errors(parseGlossaryJson(open))[0]).toMatchObject({
      line: 3,
      message: expect.stringContaining('not closed'),
    });
    const single = "{\n  'format': 1\n}";
    expect(errors(parseGlossaryJson(single))[0]).toMatchObject({
      line: 2,
      message: expect.stringContaining('double quotes'),
    });
    const unfinished = '{\n  "format": "gloss-glossary",\n  "entities": [\n';
    expect(errors(parseGlossaryJson(unfinished))[0]).toMatchObject({ line: 4 });
    const extra = '{}\n\n{}';
    expect(errors(parseGlossaryJson(extra))[0]).toMatchObject({
      line: 3,
      message: expect.stringContaining('more text'),
    });
  });

  it('gives one clear error for an empty file, a non-glossary, a wrong format or version', () => {
    expect(errors(parseGlossaryJson(''))).toEqual([{ line: 1, message: 'the file is empty' }]);
    expect(errors(parseGlossaryJson('  \n '))).toEqual([{ line: 1, message: 'the file is empty' }]);
    expect(errors(parseGlossaryJson('[1, 2]'))).toEqual([
      {
        line: 1,
        message:
          'this is not a Gloss glossary: the file should be a JSON object with "format": "gloss-glossary"',
      },
    ]);
    expect(errors(parseGlossaryJson('{"version": 1, "entities": []}'))).toEqual([
      { line: 1, message: 'this is not a Gloss glossary: it has no "format": "gloss-glossary"' },
    ]);
    const other = edited('"format": "gloss-glossary"', '"format": "web-annotation"');
    expect(errors(parseGlossaryJson(other))).toEqual([
      {
        line: 2,
        field: 'format',
        message: 'this is not a Gloss glossary: its format is "web-annotation", not "gloss-glossary"',
      },
    ]);
    const later = edited('"version": 1', '"version": 2');
    expect(errors(parseGlossaryJson(later))).toEqual([
      { line: 3, field: 'version', message: 'version 2 is not supported; this Gloss reads version 1' },
    ]);
  });

  it('names the line and path of every kind of bad value', () => {
    const cases: Array<[from: string, to: string, field: string, message: string | RegExp]> = [
      [
        '"exportedAt": "2026-12-05T02:30:00.000Z"',
        '"exportedAt": "yesterday"',
        'exportedAt',
        /not an ISO 8601 time/,
      ],
      ['"id": "beca"', '"id": "BECA!"', 'entities[2].id', /lower-case letters, digits and hyphens/],
      [
        '"id": "beca"',
        '"id": "c3e8f1a4-5b6d-4e7f-8a9b-0c1d2e3f4a55"',
        'entities[2].id',
        /already used by entities\[1\]/,
      ],
      ['"name": "内閣サイバーセキュリティセンター"', '"name": " "', 'entities[1].name', 'the name is empty'],
      [
        '"name": "内閣サイバーセキュリティセンター"',
        '"name": 7',
        'entities[1].name',
        'the name should be text in double quotes',
      ],
      [
        '"type": "agreement"',
        '"type": "treaty"',
        'entities[2].type',
        /^unknown type "treaty"; use one of threat-actor/,
      ],
      [
        '"text": "NISC"',
        '"text": "N"',
        'entities[1].aliases[1].text',
        "alias 'N' is shorter than 2 characters",
      ],
      [
        '"text": "NISC"',
        '"text": "NISC", "txt": "NISC"',
        'entities[1].aliases[1].txt',
        /^unknown field 'txt'; an alias has text, caseSensitive/,
      ],
      [
        '"text": "NCSC",\n          "caseSensitive": true',
        '"text": "NCSC",\n          "caseSensitive": "yes"',
        'entities[0].aliases[1].caseSensitive',
        'caseSensitive should be true or false',
      ],
      ['"United Kingdom"', '"U"', 'entities[0].aliases[1].cues[1]', "a cue 'U' is shorter than 2 characters"],
      ['"Finland"', '42', 'entities[0].aliases[1].vetoCues[1]', 'a cue should be text in double quotes'],
      [
        '"cues": [\n            "Quad summit"\n          ]',
        '"cues": "Quad summit"',
        'entities[0].aliases[3].cues',
        'cues should be a list in [ ]',
      ],
      [
        '"rejectBefore": "(?:Dutch|Finnish)\\\\s+$"',
        '"rejectBefore": "(unclosed"',
        'entities[0].aliases[1].rejectBefore',
        'rejectBefore is not a valid regular expression',
      ],
      [
        '"url": "https://www.ncsc.gov.uk/"',
        '"url": "javascript:alert(1)"',
        'entities[0].links[0].url',
        "'javascript:alert(1)' is not an absolute http or https URL",
      ],
      ['"label": "Wikipedia"', '"label": ""', 'entities[0].links[1].label', 'the label is empty'],
      ['"nisc"', '"NISC Japan"', 'entities[0].related[0]', /^id 'NISC Japan' should be lower-case/],
      ['"hidden": true', '"hidden": "yes"', 'entities[1].hidden', 'hidden should be true or false'],
      ['"builtin": true', '"builtin": false', 'entities[2].builtin', /^builtin is either true/],
      [
        '"related": [\n        "0b6f',
        '"related": [\n        "beca", "0b6f',
        'entities[2].related[0]',
        'an entity cannot be related to itself',
      ],
      [
        '"url": "https://example.org/news/1"',
        '"url": "file:///etc/passwd"',
        'sources[0].url',
        /is not an absolute http or https URL/,
      ],
      [
        '"kind": "heading"',
        '"kind": "script"',
        'sources[0].blocks[0].kind',
        'the kind of a block is "heading" or "paragraph"',
      ],
      ['"text": "Short."', '"text": ""', 'sources[1].blocks[0].text', 'the text is empty'],
      ['"lang": "ja-JP"', '"lang": "Japanese language"', 'sources[0].lang', /is not a language tag/],
      [
        '"addedAt": "2026-02-09T00:00:00Z"',
        '"addedAt": 1770595200000',
        'sources[1].addedAt',
        'addedAt should be text in double quotes',
      ],
      ['"isTruncated": false,', '', 'sources[1].isTruncated', 'isTruncated is missing'],
      [
        '"id": "second-source"',
        '"id": "5e2a9c7b-1f4d-4b3a-8e6c-2d7f9a0b1c33"',
        'sources[1].id',
        /already used by sources\[0\]/,
      ],
    ];
    for (const [from, to, field, message] of cases) {
      const text = edited(from, to);
      const found = errors(parseGlossaryJson(text));
      expect(found, field).toHaveLength(1);
      expect(found[0]!.field, field).toBe(field);
      if (typeof message === 'string') expect(found[0]!.message, field).toBe(message);
      else expect(found[0]!.message, field).toMatch(message);
      // The line the offending value starts on, where `to` ends (for a missing field, the object that lacks it).
      const line =
        to === ''
          ? lineOf(text, '"id": "second-source"') - 1
          : text.slice(0, text.lastIndexOf(to) + to.length).split('\n').length;
      expect(found[0]!.line, field).toBe(line);
    }
  });

  it('names a missing field at the object that lacks it, and lists errors in file order', () => {
    const text = JSON.stringify(
      {
        format: 'gloss-glossary',
        version: 1,
        exportedAt: '2026-01-01T00:00:00Z',
        entities: [
          { id: 'a1', name: 'Alpha', type: 'company' },
          { name: 'Beta', type: 'company', aliases: [] },
        ],
      },
      null,
      2,
    );
    expect(errors(parseGlossaryJson(text))).toEqual([
      { line: lineOf(text, '"id": "a1"') - 1, field: 'entities[0].aliases', message: 'aliases is missing' },
      { line: lineOf(text, '"name": "Beta"') - 1, field: 'entities[1].id', message: 'the id is missing' },
      {
        line: lineOf(text, '"aliases": []'),
        field: 'entities[1].aliases',
        message: 'an entity needs at least one alias (usually its name)',
      },
    ]);
  });

  it(`lists at most ${MAX_ERRORS_LISTED} errors and counts the rest`, () => {
    const glossary: GlossaryJson = {
      exportedAt: RICH.exportedAt,
      entities: Array.from({ length: 80 }, (_, i) =>
        entity(`e${i}`, `Entity ${i}`, { aliases: [{ text: 'x' }] }),
      ),
      sources: [],
    };
    const text = writeGlossaryJson(glossary);
    const found = errors(parseGlossaryJson(text));
    expect(found).toHaveLength(MAX_ERRORS_LISTED + 1);
    expect(found[0]).toEqual({
      line: lineOf(text, '"text": "x"'),
      field: 'entities[0].aliases[0].text',
      message: "alias 'x' is shorter than 2 characters",
    });
    const line = lineOf(text, '"text": "x"', '"id": "e50"');
    expect(found[MAX_ERRORS_LISTED]).toEqual({ line, message: `and 30 more errors, from line ${line} on` });
  });
});

describe('limits', () => {
  it('refuses a file over 5 MB before parsing it', () => {
    const text = `{"format":"gloss-glossary","version":1,"pad":"${'x'.repeat(MAX_GLOSSARY_BYTES)}"}`;
    expect(errors(parseGlossaryJson(text))).toEqual([{ line: 1, message: 'the file is larger than 5 MB' }]);
    // Counted in UTF-8 bytes: 2 million kanji are 6 MB.
    const kanji = `{"format":"gloss-glossary","version":1,"pad":"${'漢'.repeat(2_000_000)}"}`;
    expect(errors(parseGlossaryJson(kanji))[0]!.message).toBe('the file is larger than 5 MB');
  });

  it('refuses more than 10,000 entities, at the first one too many', () => {
    const glossary: GlossaryJson = {
      exportedAt: RICH.exportedAt,
      entities: Array.from({ length: 10_001 }, (_, i) => entity(`e${i}`, `Entity ${i}`)),
      sources: [],
    };
    const text = writeGlossaryJson(glossary);
    expect(errors(parseGlossaryJson(text))).toEqual([
      {
        line: lineOf(text, '"id": "e10000"') - 1,
        field: 'entities[10000]',
        message: 'more than 10000 entities',
      },
    ]);
  });

  it(`refuses more than ${MAX_GLOSSARY_SOURCES} sources, a source over the text cap, and 201 aliases`, () => {
    const source = RICH.sources[1]!;
    const many = writeGlossaryJson({
      exportedAt: RICH.exportedAt,
      entities: [],
      sources: Array.from({ length: MAX_GLOSSARY_SOURCES + 1 }, (_, i) => ({ ...source, id: `s${i}` })),
    });
    expect(errors(parseGlossaryJson(many))).toMatchObject([
      { field: 'sources[2000]', message: 'more than 2000 sources' },
    ]);

    const long = writeGlossaryJson({
      exportedAt: RICH.exportedAt,
      entities: [],
      sources: [
        {
          ...source,
          blocks: [
            { kind: 'paragraph', text: 'a'.repeat(DEFAULT_MAX_SOURCE_CHARS) },
            { kind: 'paragraph', text: 'b' },
          ],
        },
      ],
    });
    expect(errors(parseGlossaryJson(long))).toMatchObject([
      {
        field: 'sources[0].blocks',
        message: `${DEFAULT_MAX_SOURCE_CHARS + 1} characters of text, more than a source keeps (${DEFAULT_MAX_SOURCE_CHARS})`,
      },
    ]);

    const aliases = Array.from({ length: 201 }, (_, i) => ({ text: `Alias ${i}` }));
    const crowded = writeGlossaryJson({
      exportedAt: RICH.exportedAt,
      entities: [entity('e', 'E1', { aliases })],
      sources: [],
    });
    expect(errors(parseGlossaryJson(crowded))).toMatchObject([
      {
        line: lineOf(crowded, '"Alias 200"') - 1,
        field: 'entities[0].aliases[200]',
        message: 'more than 200 aliases',
      },
    ]);

    const description = writeGlossaryJson({
      exportedAt: RICH.exportedAt,
      entities: [entity('e', 'E1', { description: 'd'.repeat(2001) })],
      sources: [],
    });
    expect(errors(parseGlossaryJson(description))).toMatchObject([
      { field: 'entities[0].description', message: 'the description is 2001 characters, more than 2000' },
    ]);
  });
});

describe('the alias policy', () => {
  it('makes a common word without cues case-sensitive, and says so with its line and path', () => {
    const glossary: GlossaryJson = {
      exportedAt: RICH.exportedAt,
      entities: [
        entity('line-corp', 'LINE Corporation', {
          aliases: [{ text: 'LINE Corporation' }, { text: 'Line' }, { text: 'signal', caseSensitive: false }],
        }),
        entity('quad', 'Quad', { aliases: [{ text: 'Quad', cues: ['Japan', 'India'] }] }),
        entity('apple', 'Apple', { aliases: [{ text: 'Apple', caseSensitive: true }] }),
      ],
      sources: [],
    };
    const text = writeGlossaryJson(glossary);
    const result = ok(parseGlossaryJson(text));
    expect(result.glossary.entities[0]!.aliases).toEqual([
      { text: 'LINE Corporation' },
      { text: 'Line', caseSensitive: true },
      { text: 'signal', caseSensitive: true },
    ]);
    expect(result.glossary.entities[1]!.aliases).toEqual([{ text: 'Quad', cues: ['Japan', 'India'] }]);
    expect(result.glossary.entities[2]!.aliases).toEqual([{ text: 'Apple', caseSensitive: true }]);
    expect(result.notices).toEqual([
      `Line ${lineOf(text, '"Line"')}, entities[0].aliases[1].text: treated 'Line' as case-sensitive because it is a common word`,
      `Line ${lineOf(text, '"signal"')}, entities[0].aliases[2].text: treated 'signal' as case-sensitive because it is a common word; it still matches every lower-case 'signal', add cues to narrow it`,
    ]);
    // What was changed is now written as it is, so a second round trip is exact and quiet.
    const again = ok(parseGlossaryJson(writeGlossaryJson(result.glossary)));
    expect(again.glossary).toEqual(result.glossary);
    expect(again.notices).toEqual([]);
  });

  it('cleans control characters and bidirectional overrides out of names, aliases and descriptions', () => {
    const text = writeGlossaryJson({
      exportedAt: RICH.exportedAt,
      entities: [
        entity('e', 'Evil\u202eCorp', {
          description: 'one\nline\u0000',
          aliases: [{ text: ' Evil\u202eCorp ' }],
        }),
      ],
      sources: [],
    });
    const parsed = ok(parseGlossaryJson(text)).glossary.entities[0]!;
    expect(parsed.name).toBe('Evil Corp');
    expect(parsed.description).toBe('one line');
    expect(parsed.aliases).toEqual([{ text: 'Evil Corp' }]);
  });
});

describe('hostile content', () => {
  it('refuses __proto__ and constructor fields without polluting any prototype', () => {
    const text = edited(
      '"name": "内閣サイバーセキュリティセンター"',
      '"__proto__": { "polluted": true }, "constructor": { "prototype": { "polluted": true } }, "name": "内閣サイバーセキュリティセンター"',
    )
      .replace('"format": "gloss-glossary",', '"format": "gloss-glossary", "__proto__": { "isAdmin": true },')
      .replace('"text": "NISC"', '"text": "NISC", "__proto__": { "caseSensitive": false }');
    const found = errors(parseGlossaryJson(text));
    expect(found.map((e) => e.field)).toEqual([
      '__proto__',
      'entities[1].__proto__',
      'entities[1].constructor',
      'entities[1].aliases[1].__proto__',
    ]);
    expect(found[1]!.message).toMatch(/^unknown field '__proto__'; an entity has id, name/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('keeps markup and script as text, and returns only fresh plain objects', () => {
    const result = ok(parseGlossaryJson(writeGlossaryJson(RICH)));
    expect(result.glossary.sources[0]!.blocks[1]!.text).toBe(
      'Text with <script>alert(1)</script> kept as text.',
    );
    for (const e of result.glossary.entities) {
      expect(Object.getPrototypeOf(e)).toBe(Object.prototype);
      for (const rule of e.aliases) expect(Object.getPrototypeOf(rule)).toBe(Object.prototype);
    }
  });

  it('survives deep nesting', () => {
    const deep = `{"format":"gloss-glossary","version":1,"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(errors(parseGlossaryJson(deep))[0]).toMatchObject({ line: 1, field: 'x' });
    const broken = `${'['.repeat(100_000)}}`;
    expect(errors(parseGlossaryJson(broken))[0]!.line).toBe(1);
  });
});

describe('conflicts', () => {
  it('reports duplicate names and shared aliases with the entities’ lines, without refusing', () => {
    const glossary: GlossaryJson = {
      exportedAt: RICH.exportedAt,
      entities: [
        entity('uk-ncsc', 'NCSC UK', {
          aliases: [{ text: 'NCSC UK' }, { text: 'NCSC', caseSensitive: true }],
        }),
        entity('nl-ncsc', 'NCSC Netherlands', {
          aliases: [{ text: 'NCSC Netherlands' }, { text: 'NCSC', caseSensitive: true }],
        }),
        entity('dup-a', 'Same Name'),
        entity('dup-b', 'same name'),
      ],
      sources: [],
    };
    const text = writeGlossaryJson(glossary);
    const result = ok(parseGlossaryJson(text));
    const line = (id: string) => lineOf(text, `"id": "${id}"`) - 1;
    expect(result.conflicts).toEqual([
      { kind: 'duplicate-name', alias: 'Same Name', entities: [2, 3], lines: [line('dup-a'), line('dup-b')] },
      { kind: 'shared-alias', alias: 'NCSC', entities: [0, 1], lines: [line('uk-ncsc'), line('nl-ncsc')] },
    ]);
    expect(result.glossary).toEqual(glossary);
  });
});
