import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { realManifest, SHARED_DATA } from '../../test/helpers/data-folder.ts';
import { parseManifest } from './manifest.ts';
import { REGISTRY } from './registry.ts';

function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix)).flatMap((name) => {
    const rel = prefix ? `${prefix}/${name}` : name;
    return statSync(path.join(dir, rel)).isDirectory() ? filesUnder(dir, rel) : [rel];
  });
}

describe('data/manifest.json', () => {
  it('describes every file of ../shared/data, as loaded or as not loaded with a reason', () => {
    const described = new Set([...realManifest.files.map((f) => f.file), ...realManifest.notLoaded.map((f) => f.file)]);
    expect(filesUnder(SHARED_DATA).filter((f) => !described.has(f))).toEqual([]);
  });

  it('loads every offline file the source registry names', () => {
    const loaded = new Set(realManifest.files.map((f) => f.file));
    const named = REGISTRY.flatMap((d) => d.offlineFiles);
    expect(named.filter((f) => !loaded.has(f))).toEqual([]);
  });

  it('feeds each file only into indicators whose registry entry names that file', () => {
    for (const f of realManifest.files) {
      for (const t of f.targets) {
        const def = REGISTRY.find((d) => d.id === t.indicator)!;
        expect(def.offlineFiles, `${f.file} → ${t.indicator}`).toContain(f.file);
      }
    }
  });
});

describe('parseManifest', () => {
  it('names the field of a bad entry', () => {
    const bad = { files: [{ file: 'a.csv', source: 's', vintage: '2024', columns: { geo: 'geo', period: 'year' }, targets: [{ indicator: 'nope' }], periods: { from: '2008', to: '2022' } }] };
    expect(() => parseManifest(JSON.stringify(bad), 'm.json')).toThrow(/m\.json, field files\.0\.targets\.0\.indicator: not an indicator id/);
  });

  it('refuses an entry without any vintage, and invalid JSON', () => {
    const bad = { files: [{ file: 'a.csv', source: 's', columns: { geo: 'geo', period: 'year' }, targets: [{ indicator: 'gdp' }], periods: { from: '2008', to: '2022' } }] };
    expect(() => parseManifest(JSON.stringify(bad), 'm.json')).toThrow(/field files\.0\.vintage/);
    expect(() => parseManifest('{', 'm.json')).toThrow(/m\.json: not valid JSON/);
  });
});
