import { describe, expect, it } from 'vitest';
import { BACKENDS, storePerTest } from '../../test/helpers/backends.ts';
import type { Observation } from '../domain/observation.ts';
import { NOTE_CATALOGS, noteText, renderNote } from '../notes/index.ts';
import type { Db } from '../store/db.ts';
import { beginLoad, insertObservations } from '../store/observations.ts';
import { borderNationalitiesFromStore } from './border-nationalities.ts';

// Labelled rows (not real figures): Union-wide decisions by citizenship, as migr_asydcfsta would give them.
const o = (indicator: string, period: string, value: number, citizen: string, geo = 'EU27_2020'): Observation => ({
  indicator, geo, period, value, unit: 'decisions', flags: '', source: 'test:labelled', vintage: '2025-04-01', dims: { citizen },
});

async function load(db: Db, rows: Observation[]) {
  await db.transaction(async (tx) => {
    const id = await beginLoad(tx, { sourceFile: 'labelled', sha256: 'h', indicator: 'mixed', source: 'test', vintage: '2025-04-01', rowsRead: rows.length });
    await insertObservations(tx, rows, id);
  });
}

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`border nationalities from the store on ${backend.name}`, () => {
    const open = storePerTest(backend);

    it('says the data by citizenship is missing when the store has none, and lists nothing', async () => {
      const h = await open();
      const r = await borderNationalitiesFromStore(h.db, 2026);
      expect(r.status).toBe('missing');
      expect(r.result).toBeNull();
      expect(r.statement.key).toBe('borderNationalities.missing');
      expect(noteText(r.statement)).toMatch(/^The data by citizenship is missing: .* up to 2025, .* What the store holds: first_instance_decisions: nothing; first_instance_positive: nothing\. The data that would serve: Eurostat migr_asydcfsta/);
      expect(renderNote(r.statement, NOTE_CATALOGS.nl!)).toMatch(/^De gegevens naar nationaliteit ontbreken: .* Wat de opslag bevat: first_instance_decisions: niets; first_instance_positive: niets\./);
      expect(noteText(r.dataNeeded)).toMatch(/migr_asydcfsta .* by citizen, geo EU27_2020, .* for 2025 /);
    });

    it('uses the latest year before the year asked, Union-wide, nationalities only', async () => {
      const h = await open();
      await load(h.db, [
        // 2024: AA 10 %, BB 50 %, an aggregate and an unknown citizenship that are not nationalities, a state's row.
        o('first_instance_decisions', '2024', 1000, 'AA'), o('first_instance_positive', '2024', 100, 'AA'),
        o('first_instance_decisions', '2024', 400, 'BB'), o('first_instance_positive', '2024', 200, 'BB'),
        o('first_instance_decisions', '2024', 9999, 'TOTAL'), o('first_instance_positive', '2024', 10, 'TOTAL'),
        o('first_instance_decisions', '2024', 50, 'UNK'), o('first_instance_positive', '2024', 0, 'UNK'),
        o('first_instance_decisions', '2024', 300, 'BB', 'IT'), o('first_instance_positive', '2024', 0, 'BB', 'IT'),
        // 2023: BB 15 %; 2026 (not yet published when 2026 starts) must not be used for 2026.
        o('first_instance_decisions', '2023', 400, 'BB'), o('first_instance_positive', '2023', 60, 'BB'),
        o('first_instance_decisions', '2026', 400, 'BB'), o('first_instance_positive', '2026', 1, 'BB'),
      ]);
      const r = await borderNationalitiesFromStore(h.db, 2026);
      expect(r.status).toBe('computed');
      expect(r.result!.dataYear).toBe(2024);
      expect(r.result!.rates.map((x) => [x.citizen, x.decisions, x.positive, x.channelled])).toEqual([
        ['AA', 1000, 100, true],
        ['BB', 400, 200, false],
      ]);
      expect(r.notes.map(noteText)).toEqual(['The latest stored yearly data by citizenship is 2024, not 2025.']);
      expect(renderNote(r.notes[0]!, NOTE_CATALOGS.nl!)).toBe('De meest recente opgeslagen jaargegevens naar nationaliteit zijn van 2024, niet van 2025.');
      expect(noteText(r.statement)).toMatch(/^1 of 2 nationalities .* in 2024 \(test:labelled \(vintage 2025-04-01\)\): APR Art 42\(1\)\(j\) applies to them in 2026/);
      expect(renderNote(r.statement, NOTE_CATALOGS.nl!)).toMatch(/^1 van 2 nationaliteiten hadden in 2024 .*\(test:labelled \(versie 2025-04-01\)\)/);
      const r2024 = await borderNationalitiesFromStore(h.db, 2024);
      expect(r2024.result!.dataYear).toBe(2023);
      expect(r2024.result!.channelled).toEqual(['BB']);
    });
  });
}
