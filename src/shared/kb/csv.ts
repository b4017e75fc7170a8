/**
 * RFC 4180 records: reading a CSV text into rows of fields (each row with the line it starts on, so errors can
 * name it) and writing fields back. Quoted fields may hold commas, doubled quotes and line breaks; records end
 * at CRLF, LF or a lone CR (old spreadsheet exports). Nothing here knows about glossaries.
 */

/** One record of the file: its fields as written (quotes removed) and the 1-based line it starts on. */
export interface CsvRow {
  line: number;
  fields: string[];
}

/** A structural fault: the text cannot be split into records at all, so nothing after it can be trusted. */
export interface CsvFault {
  line: number;
  message: string;
}

export type CsvReadResult = { ok: true; rows: CsvRow[] } | { ok: false; fault: CsvFault };

/**
 * Splits `text` into records. Blank lines (no characters at all) are skipped, as spreadsheets leave them at
 * the end. A quote inside an unquoted field and characters after a closing quote are faults rather than
 * guesses: a misplaced quote usually means a field was split in the wrong place, and guessing would import
 * the wrong aliases silently.
 */
export function readCsv(text: string): CsvReadResult {
  const rows: CsvRow[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    const rowLine = line;
    const fields: string[] = [];
    for (;;) {
      let value = '';
      if (text[i] === '"') {
        // A quoted field: read to the closing quote, counting the line breaks inside it.
        const openLine = line;
        i++;
        for (;;) {
          if (i >= n) return fault(openLine, 'a quoted field is never closed');
          const c = text[i]!;
          if (c === '"') {
            if (text[i + 1] !== '"') break;
            value += '"';
            i += 2;
            continue;
          }
          if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
          value += c;
          i++;
        }
        i++;
        if (i < n && !isBreak(text[i]!) && text[i] !== ',')
          return fault(
            line,
            'characters after a closing quote; a quote inside a quoted field is written twice ("")',
          );
      } else {
        const from = i;
        while (i < n && text[i] !== ',' && !isBreak(text[i]!)) {
          if (text[i] === '"')
            return fault(
              line,
              'a quote inside an unquoted field; put the whole field in quotes and write the quote twice ("")',
            );
          i++;
        }
        value = text.slice(from, i);
      }
      fields.push(value);
      if (text[i] !== ',') break;
      i++;
    }
    // At a line break or the end of the text.
    if (text[i] === '\r' && text[i + 1] === '\n') i += 2;
    else if (i < n) i++;
    line++;
    // Blank lines (no characters at all) are skipped, as spreadsheets leave them at the end.
    if (!(fields.length === 1 && fields[0] === '')) rows.push({ line: rowLine, fields });
  }
  return { ok: true, rows };
}

function isBreak(c: string): boolean {
  return c === '\n' || c === '\r';
}

function fault(line: number, message: string): CsvReadResult {
  return { ok: false, fault: { line, message } };
}

/** One field as RFC 4180 writes it: quoted only when it holds a comma, a quote, a line break or edge spaces. */
export function csvField(value: string): string {
  if (!/[",\r\n]|^\s|\s$/.test(value)) return value;
  return `"${value.replaceAll('"', '""')}"`;
}

/** One record, fields joined by commas, ended by CRLF as RFC 4180 asks. */
export function csvRecord(values: readonly string[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
