import { describe, expect, it } from 'vitest';
import { InputError } from '../domain/errors.ts';
import { readCsv } from './csv.ts';

describe('readCsv', () => {
  it('reads a header and rows with their line numbers', () => {
    const t = readCsv('geo,year,value\nAT,2015,85520\nDE,2015,441900\n', 'f.csv');
    expect(t.header).toEqual(['geo', 'year', 'value']);
    expect(t.rows).toEqual([
      { line: 2, fields: ['AT', '2015', '85520'] },
      { line: 3, fields: ['DE', '2015', '441900'] },
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks, and CRLF line ends', () => {
    const t = readCsv('route,value\r\n"Channel route, exit to UK",1\r\n"say ""hi""\nthere",2\r\nlast,3\r\n', 'f.csv');
    expect(t.rows.map((r) => r.fields)).toEqual([
      ['Channel route, exit to UK', '1'],
      ['say "hi"\nthere', '2'],
      ['last', '3'],
    ]);
    expect(t.rows[2]!.line).toBe(5);
  });

  it('refuses a row with a missing field, naming the line', () => {
    expect(() => readCsv('geo,year,value\nAT,2015,1\nDE,2015\n', 'f.csv')).toThrow(/f\.csv, line 3, field year: expected 3 fields/);
  });

  it('refuses a file that stops in the middle of a line (truncated)', () => {
    const err = (() => {
      try {
        readCsv('geo,year,value\nAT,2015,1\nDE,20', 'f.csv');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).line).toBe(3);
    expect((err as Error).message).toMatch(/truncated/);
  });

  it('refuses an empty file, an unterminated quote and a duplicate column', () => {
    expect(() => readCsv('', 'f.csv')).toThrow(/empty/);
    expect(() => readCsv('a,b\n"x,1\n', 'f.csv')).toThrow(/never closed/);
    expect(() => readCsv('a,a\n1,2\n', 'f.csv')).toThrow(/field a: the header names column "a" twice/);
  });
});
