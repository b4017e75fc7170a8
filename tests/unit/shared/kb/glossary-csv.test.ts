/** CSV glossaries in and out (src/shared/kb/glossary-csv.ts, issue 13). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeConflict, resolveConflicts } from '../../../../src/shared/kb/glossary-conflicts';
import {
  type GlossaryEntity,
  type GlossaryParseResult,
  MAX_DESCRIPTION_LENGTH,
  MAX_ERRORS_LISTED,
  MAX_GLOSSARY_BYTES,
  parseGlossaryCsv,
  writeGlossaryCsv,
} from '../../../../src/shared/kb/glossary-csv';
import type { EntityDef } from '../../../../src/shared/kb-types';

const HEADER = 'name,type,aliases,description,cues,link';

function ok(result: GlossaryParseResult) {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.errors)}`);
  return result;
}

function errors(result: GlossaryParseResult) {
  if (result.ok) throw new Error('accepted a file that should be refused');
  return result.errors;
}

const parse = (...lines: string[]) => parseGlossaryCsv([HEADER, ...lines].join('\n'));

describe('the example file', () => {
  const result = ok(parseGlossaryCsv(readFileSync('docs/glossary-example.csv', 'utf8')));

  it('parses into its fifteen entities, without notices or conflicts', () => {
    expect(result.entities.map((e) => e.name)).toEqual([
      'Known Exploited Vulnerabilities Catalog',
      'Cybersecurity and Infrastructure Security Agency',
      'JPCERT Coordination Center',
      'Indian Computer Emergency Response Team',
      'Korea Internet & Security Agency',
      'Cyber Security Agency of Singapore',
      'National Cyber Security Centre',
      'APT41',
      'Volt Typhoon',
      'Salt Typhoon',
      'Lazarus Group',
      'Kimsuky',
      'Mustang Panda',
      'Quad Critical and Emerging Technology Working Group',
      'Counter Ransomware Initiative',
    ]);
    expect(result.notices).toEqual([]);
    expect(result.conflicts).toEqual([]);
  });

  it('gives each entity its type, acronym rules, cues and link', () => {
    const byName = new Map(result.entities.map((e) => [e.name, e]));
    expect(byName.get('JPCERT Coordination Center')!.type).toBe('organisation'); // empty type
    expect(byName.get('Indian Computer Emergency Response Team')!.type).toBe('government-body'); // a label
    expect(byName.get('APT41')!.type).toBe('threat-actor');
    expect(byName.get('Known Exploited Vulnerabilities Catalog')!.aliases).toEqual([
      { text: 'Known Exploited Vulnerabilities Catalog' },
      { text: 'KEV', caseSensitive: true },
      { text: 'KEV catalog' },
      { text: 'KEV list' },
    ]);
    const ncsc = byName.get('National Cyber Security Centre')!;
    const cues = ['UK', 'United Kingdom', 'Britain', 'British', 'GCHQ'];
    expect(ncsc.aliases).toEqual([
      { text: 'National Cyber Security Centre', cues },
      { text: 'NCSC', caseSensitive: true, cues },
      { text: 'UK NCSC', caseSensitive: true, cues },
    ]);
    expect(ncsc.links).toEqual([{ label: 'www.ncsc.gov.uk', url: 'https://www.ncsc.gov.uk/' }]);
    expect(byName.get('Volt Typhoon')!.description).toContain('"living off the land"');
  });
});

describe('RFC 4180 reading', () => {
  it('accepts a byte order mark', () => {
    const result = ok(parseGlossaryCsv(`\uFEFF${HEADER}\nKimsuky,threat-actor,,,,`));
    expect(result.entities[0]!.name).toBe('Kimsuky');
    // Before a quoted header cell the mark would otherwise make the quote a stray one.
    const quoted = ok(parseGlossaryCsv('\uFEFF"name","type"\r\nKimsuky,threat-actor\r\n'));
    expect(quoted.entities[0]!.type).toBe('threat-actor');
  });

  it('accepts CRLF line ends and counts lines the same way', () => {
    const text = [HEADER, 'Kimsuky,threat-actor,,,,', 'X,,,,,'].join('\r\n');
    expect(errors(parseGlossaryCsv(text))).toEqual([
      { line: 3, field: 'name', message: expect.stringContaining("'X'") },
    ]);
    expect(ok(parseGlossaryCsv(`${HEADER}\r\nKimsuky,,,,,\r\n`)).entities).toHaveLength(1);
  });

  it('reads quoted commas, doubled quotes and line breaks inside quotes, and counts lines past them', () => {
    const result = ok(
      parse(
        '"Lazarus Group, the",threat-actor,"Hidden Cobra;Diamond Sleet","He said ""hi""\non two lines",,',
        'Kimsuky,,,,,',
      ),
    );
    expect(result.entities[0]!.name).toBe('Lazarus Group, the');
    expect(result.entities[0]!.aliases.map((a) => a.text)).toEqual([
      'Lazarus Group, the',
      'Hidden Cobra',
      'Diamond Sleet',
    ]);
    expect(result.entities[0]!.description).toBe('He said "hi" on two lines');
    const bad = errors(parse('Kimsuky,,,"a\nb\nc",,', 'X,,,,,'));
    expect(bad[0]!.line).toBe(5);
  });

  it('refuses an unclosed quote and a stray quote, naming the line', () => {
    expect(errors(parse('Kimsuky,,,"never closed,,'))).toEqual([
      { line: 2, message: expect.stringContaining('never closed') },
    ]);
    expect(errors(parse('Kimsuky,,,,,', 'Volt "Typhoon",,,,,'))[0]!.line).toBe(3);
  });
});

describe('columns', () => {
  it('takes the columns in any order, and only name is required', () => {
    const result = ok(parseGlossaryCsv('link,NAME\nhttps://example.org/x,Kimsuky'));
    expect(result.entities[0]).toMatchObject({ name: 'Kimsuky', type: 'organisation', description: '' });
    expect(result.entities[0]!.links[0]!.url).toBe('https://example.org/x');
  });

  it('refuses unknown columns, naming them', () => {
    const [error] = errors(parseGlossaryCsv('name,colour,weight\nKimsuky,red,2'));
    expect(error!.line).toBe(1);
    expect(error!.message).toContain("'colour', 'weight'");
  });

  it('refuses a header column without a name, saying which', () => {
    expect(errors(parseGlossaryCsv('name,type,\nKimsuky,,'))).toEqual([
      { line: 1, message: 'column 3 has no name in the header row' },
    ]);
  });

  it('refuses a header without name', () => {
    expect(errors(parseGlossaryCsv('type,aliases\nthreat-actor,APT41'))).toEqual([
      { line: 1, field: 'name', message: "the header has no 'name' column" },
    ]);
  });

  it('refuses a row with the wrong number of fields', () => {
    expect(errors(parse('Kimsuky,threat-actor'))[0]!.line).toBe(2);
  });
});

describe('fields', () => {
  it('refuses an unknown type, naming line and field', () => {
    const [error] = errors(parse('Kimsuky,threat-actor,,,,', 'Volt Typhoon,hacker group,,,,'));
    expect(error).toMatchObject({ line: 3, field: 'type' });
    expect(error!.message).toContain("'hacker group'");
  });

  it('accepts type labels in any case and an empty type as organisation', () => {
    const result = ok(
      parse('A1,Threat Actor,,,,', 'B2,GOVERNMENT BODY,,,,', 'C3,military_unit,,,,', 'D4,,,,,'),
    );
    expect(result.entities.map((e) => e.type)).toEqual([
      'threat-actor',
      'government-body',
      'military-unit',
      'organisation',
    ]);
  });

  it('refuses an alias of one character, naming line and alias', () => {
    expect(errors(parse('Kimsuky,,K;Velvet Chollima,,,'))).toEqual([
      { line: 2, field: 'aliases', message: expect.stringContaining("alias 'K'") },
    ]);
  });

  it('refuses a link that is not an absolute http(s) URL', () => {
    expect(errors(parse('Kimsuky,,,,,javascript:alert(1)'))[0]).toMatchObject({ line: 2, field: 'link' });
    expect(errors(parse('Kimsuky,,,,,/groups/G0094'))[0]).toMatchObject({ line: 2, field: 'link' });
  });

  it('keeps a hostile description as plain text, without control characters', () => {
    const hostile = '<img src=x onerror=alert(1)><script>alert("x")</script>\u0007\u202eevil';
    const result = ok(parse(`Kimsuky,,,"${hostile.replaceAll('"', '""')}",,`));
    expect(result.entities[0]!.description).toBe(
      '<img src=x onerror=alert(1)><script>alert("x")</script> evil',
    );
  });

  it('refuses a description over the limit, naming the line', () => {
    expect(errors(parse(`Kimsuky,,,${'a'.repeat(MAX_DESCRIPTION_LENGTH + 1)},,`))[0]).toMatchObject({
      line: 2,
      field: 'description',
    });
  });

  it('lists at most the first errors and counts the rest', () => {
    const rows = Array.from({ length: 80 }, () => 'X,,,,,');
    const list = errors(parse(...rows));
    expect(list).toHaveLength(MAX_ERRORS_LISTED + 1);
    expect(list.at(-1)!.message).toBe(`and 30 more errors, from line ${MAX_ERRORS_LISTED + 2} on`);
  });
});

describe('alias rules', () => {
  it('makes acronyms case-sensitive and leaves the rest case-insensitive', () => {
    const [entity] = ok(parse('Advanced Persistent Threat 41,threat-actor,APT41;Wicked Panda,,,')).entities;
    expect(entity!.aliases).toEqual([
      { text: 'Advanced Persistent Threat 41' },
      { text: 'APT41', caseSensitive: true },
      { text: 'Wicked Panda' },
    ]);
  });

  it('makes a common-word alias case-sensitive and says so', () => {
    const result = ok(parse('LY Corporation,company,Line,,,'));
    expect(result.entities[0]!.aliases[1]).toEqual({ text: 'Line', caseSensitive: true });
    expect(result.notices).toEqual(["Line 2: treated 'Line' as case-sensitive because it is a common word"]);
  });

  it('accepts a common-word alias with cues as written, without a notice', () => {
    const result = ok(parse('LY Corporation,company,Line,,messaging;app,'));
    expect(result.entities[0]!.aliases[1]).toEqual({ text: 'Line', cues: ['messaging', 'app'] });
    expect(result.notices).toEqual([]);
  });

  it('applies cues to every alias, the name included', () => {
    const [entity] = ok(
      parse('Cyber Security Agency of Singapore,,CSA;CSA Singapore,,Singapore; Singaporean ,'),
    ).entities;
    for (const alias of entity!.aliases) expect(alias.cues).toEqual(['Singapore', 'Singaporean']);
    expect(entity!.aliases).toHaveLength(3);
  });
});

describe('conflicts', () => {
  it('reports duplicate names and shared aliases with their rows, and accepts the file', () => {
    const result = ok(
      parse(
        'National Cyber Security Centre,,NCSC,UK,,',
        'National Cyber Security Centre,,,New Zealand,,',
        'NCSC Ireland,,NCSC,,,',
        'Salt Typhoon,threat-actor,GhostEmperor,,,',
        'Ghost Emperor group,threat-actor,ghostemperor,,,',
        'SALT treaty,agreement,SALT,,,',
      ),
    );
    expect(result.conflicts.map(describeConflict)).toEqual([
      "lines 2, 3 have the same name 'National Cyber Security Centre'",
      "alias 'NCSC' is claimed by lines 2, 4",
      "alias 'GhostEmperor' is claimed by lines 5, 6",
    ]);
    expect(result.conflicts[1]).toEqual({
      kind: 'shared-alias',
      alias: 'NCSC',
      entities: [0, 2],
      lines: [2, 4],
    });
  });

  it('resolves them by the reader’s choice, the first row by default', () => {
    const result = ok(parse('Lazarus Group,,Hidden Cobra,,,', 'Lazarus Group,,,,,', 'Hidden Cobra,,,,,'));
    const first = resolveConflicts(result.entities, result.conflicts);
    expect(first.map((e) => [e.name, e.aliases.map((a) => a.text)])).toEqual([
      ['Lazarus Group', ['Lazarus Group', 'Hidden Cobra']],
      ['Hidden Cobra', []],
    ]);
    const other = resolveConflicts(result.entities, result.conflicts, (c) => c.entities.at(-1)!);
    expect(other.map((e) => [e.name, e.aliases.map((a) => a.text)])).toEqual([
      ['Lazarus Group', ['Lazarus Group']],
      ['Hidden Cobra', ['Hidden Cobra']],
    ]);
  });
});

describe('limits', () => {
  it('parses 5,000 entities with 4 aliases each', () => {
    const rows = Array.from(
      { length: 5000 },
      (_, i) =>
        `Group ${i},threat-actor,Alias ${i} a;Alias ${i} b;AG${i};Team ${i},"Description of group ${i}, with a comma.",,`,
    );
    const text = [HEADER, ...rows].join('\n');
    const started = performance.now();
    const result = ok(parseGlossaryCsv(text));
    const took = performance.now() - started;
    console.log(
      `parsed 5,000 entities × 5 aliases (${(text.length / 1024).toFixed(0)} KB) in ${took.toFixed(0)} ms`,
    );
    expect(result.entities).toHaveLength(5000);
    expect(result.entities.reduce((n, e) => n + e.aliases.length, 0)).toBe(25_000);
    expect(result.conflicts).toEqual([]);
  });

  it('refuses a text over 5 MB before parsing it', () => {
    const text = `${HEADER}\n"${'a'.repeat(MAX_GLOSSARY_BYTES)}`; // an unclosed quote: parsing would fail otherwise
    expect(errors(parseGlossaryCsv(text))).toEqual([{ line: 1, message: 'the file is larger than 5 MB' }]);
    // Counted in UTF-8 bytes: 2 million kana are 6 MB though the string is 2 million long.
    expect(errors(parseGlossaryCsv(`${HEADER}\n${'ア'.repeat(2_000_000)},,,,,`))[0]!.message).toContain(
      '5 MB',
    );
  });
});

describe('writeGlossaryCsv', () => {
  it('round-trips the example file and awkward values through write and parse', () => {
    const example = ok(parseGlossaryCsv(readFileSync('docs/glossary-example.csv', 'utf8'))).entities;
    const awkward: GlossaryEntity[] = [
      {
        name: 'Group, "quoted"',
        type: 'threat-actor',
        description: 'Commas, "quotes" and <b>tags</b>',
        aliases: [
          { text: 'Group, "quoted"' },
          { text: 'APT99', caseSensitive: true },
          { text: 'Line', caseSensitive: true },
        ],
        links: [],
      },
    ];
    for (const entities of [example, awkward]) {
      const back = ok(parseGlossaryCsv(writeGlossaryCsv(entities)));
      expect(back.entities).toEqual(entities);
    }
  });

  it('writes stored entity definitions as they are, ids and rules it cannot express left out', () => {
    const cicada: EntityDef = {
      id: 'cicada',
      name: 'Cicada (APT10)',
      type: 'threat-actor',
      description: 'A group.',
      aliases: [
        { text: 'Cicada', caseSensitive: true, cues: ['APT'], vetoCues: ['insect'] },
        { text: 'APT10', caseSensitive: true },
      ],
      related: [],
    };
    expect(writeGlossaryCsv([cicada])).toBe(
      `${HEADER}\r\nCicada (APT10),threat-actor,Cicada;APT10,A group.,APT,\r\n`,
    );
  });

  it('writes a header, CRLF line ends, and quotes only where needed', () => {
    const text = writeGlossaryCsv([
      {
        name: 'Kimsuky',
        type: 'threat-actor',
        description: 'A, b',
        aliases: [{ text: 'Kimsuky' }],
        links: [],
      },
    ]);
    expect(text).toBe(`${HEADER}\r\nKimsuky,threat-actor,,"A, b",,\r\n`);
  });
});

describe('formula cells', () => {
  it('writes a cell that a spreadsheet would run as a formula as text, and reads it back as it was', () => {
    const entities: GlossaryEntity[] = [
      {
        name: '=HYPERLINK("https://evil.example","Click")',
        type: 'organisation',
        description: '+1 and @SUM(A1) are not formulas here',
        aliases: [{ text: '=HYPERLINK("https://evil.example","Click")' }, { text: '-Minus Group' }],
        links: [],
      },
    ];
    const text = writeGlossaryCsv(entities);
    for (const line of text.split('\r\n').slice(1, -1)) expect(line).not.toMatch(/(^|,)"?[=+\-@]/);
    const back = parseGlossaryCsv(text);
    if (!back.ok) expect.fail(JSON.stringify(back.errors));
    expect(back.entities[0]).toMatchObject({
      name: entities[0]!.name,
      description: entities[0]!.description,
      aliases: [{ text: entities[0]!.name }, { text: '-Minus Group' }],
    });
  });
});
