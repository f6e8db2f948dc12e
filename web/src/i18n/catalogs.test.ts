/** Every catalog says everything English says, with the same placeholders, so any language can be dropped in. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = import.meta.dirname;
const load = (file: string) => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, string | Record<string, string>>;
const placeholders = (m: string | Record<string, string>) => [...new Set((typeof m === 'string' ? m : Object.values(m).join(' ')).match(/\{\w+\}/g) ?? [])].sort();
const en = load('en.json');
const others = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'en.json');

describe('message catalogs', () => {
  it('ship at least Dutch beside English', () => {
    expect(others).toContain('nl.json');
  });
  for (const file of others) {
    it(`${file} has every key of en.json, no other, and the same placeholders`, () => {
      const cat = load(file);
      expect(Object.keys(cat).sort()).toEqual(Object.keys(en).sort());
      for (const [key, message] of Object.entries(en)) expect({ key, p: placeholders(cat[key]!) }).toEqual({ key, p: placeholders(message) });
    });
  }
  it('every key the code uses literally exists in en.json', () => {
    const used = new Set<string>();
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts')) for (const m of readFileSync(p, 'utf8').matchAll(/\bt\('([\w.-]+)'/g)) used.add(m[1]!);
      }
    };
    walk(path.resolve(dir, '..'));
    expect([...used].filter((k) => !(k in en))).toEqual([]);
  });
});
