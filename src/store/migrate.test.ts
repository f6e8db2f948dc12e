import { describe, expect, it } from 'vitest';
import { splitStatements } from './migrate.ts';

describe('splitStatements', () => {
  it('keeps function bodies whole and drops comment lines', () => {
    const sql = `-- c\nCREATE TABLE a (x int);\nCREATE FUNCTION f() RETURNS trigger AS $$\nBEGIN\n  RAISE EXCEPTION 'no';\nEND;\n$$ LANGUAGE plpgsql;\nSELECT 1;`;
    expect(splitStatements(sql)).toEqual([
      'CREATE TABLE a (x int);',
      "CREATE FUNCTION f() RETURNS trigger AS $$\nBEGIN\n  RAISE EXCEPTION 'no';\nEND;\n$$ LANGUAGE plpgsql;",
      'SELECT 1;',
    ]);
  });
});
