/**
 * A strict reader of comma-separated text (RFC 4180: a header row, optional double quotes, `""` inside quotes).
 * It never guesses: a row with the wrong number of fields, an unterminated quote or a file that stops without a
 * line end (a sign of truncation) is an `InputError` naming the file, line and field.
 */
import { InputError } from '../domain/errors.ts';

export interface CsvTable {
  header: string[];
  /** Data rows with their 1-based line numbers in the file (the header is line 1). */
  rows: { line: number; fields: string[] }[];
}

export function readCsv(text: string, file: string, separator = ','): CsvTable {
  if (text.length === 0) throw new InputError('the file is empty: expected a header row', { file, line: 1 });
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!text.endsWith('\n')) {
    const lastLine = text.split('\n').length;
    throw new InputError('the file ends in the middle of a line (truncated?): every row must end with a line break', { file, line: lastLine });
  }
  const records = splitRecords(text, file, separator);
  const first = records[0];
  if (!first || (first.fields.length === 1 && first.fields[0] === '')) {
    throw new InputError('the header row is empty', { file, line: 1 });
  }
  const header = first.fields.map((h) => h.trim());
  const seen = new Set<string>();
  for (const h of header) {
    if (h === '') throw new InputError('the header has an empty column name', { file, line: 1 });
    if (seen.has(h)) throw new InputError(`the header names column "${h}" twice`, { file, line: 1, field: h });
    seen.add(h);
  }
  const rows: CsvTable['rows'] = [];
  for (const rec of records.slice(1)) {
    if (rec.fields.length === 1 && rec.fields[0] === '') continue; // blank line
    if (rec.fields.length !== header.length) {
      const field = header[Math.min(rec.fields.length, header.length) - 1] ?? header[0];
      throw new InputError(`expected ${header.length} fields (${header.join(',')}), found ${rec.fields.length}`, { file, line: rec.line, field });
    }
    rows.push(rec);
  }
  return { header, rows };
}

function splitRecords(text: string, file: string, separator: string): { line: number; fields: string[] }[] {
  const out: { line: number; fields: string[] }[] = [];
  let line = 1;
  let pos = 0;
  const n = text.length;
  while (pos < n) {
    const startLine = line;
    const fields: string[] = [];
    // Fast path: a line without quotes is split directly.
    const eol = text.indexOf('\n', pos);
    const end = eol === -1 ? n : eol;
    const raw = text.slice(pos, end);
    if (!raw.includes('"')) {
      const body = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      out.push({ line: startLine, fields: body.split(separator) });
      pos = end + 1;
      line++;
      continue;
    }
    let field = '';
    let i = pos;
    let quoted = false;
    let atFieldStart = true;
    for (;;) {
      if (i >= n) {
        if (quoted) throw new InputError('a quoted field is never closed', { file, line: startLine });
        fields.push(field);
        pos = n;
        break;
      }
      const c = text[i]!;
      if (quoted) {
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            quoted = false;
            i++;
          }
        } else {
          if (c === '\n') line++;
          field += c;
          i++;
        }
        continue;
      }
      if (c === '"' && atFieldStart) {
        quoted = true;
        atFieldStart = false;
        i++;
      } else if (c === separator) {
        fields.push(field);
        field = '';
        atFieldStart = true;
        i++;
      } else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
        fields.push(field);
        pos = c === '\r' ? i + 2 : i + 1;
        line++;
        break;
      } else if (c === '"') {
        throw new InputError('a double quote inside an unquoted field', { file, line: startLine, field: `#${fields.length + 1}` });
      } else {
        field += c;
        atFieldStart = false;
        i++;
      }
    }
    out.push({ line: startLine, fields });
  }
  return out;
}
