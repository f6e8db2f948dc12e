/** The recorded real Eurostat responses of `../shared/data/fixtures/` (PROVENANCE.md, "fixtures/"). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SHARED_DATA } from './data-folder.ts';

export const FIXTURES = path.join(SHARED_DATA, 'fixtures');
export const F1_UNE_RT_M_DE = 'eurostat_statistics1.0_jsonstat2_une_rt_m_DE_last3.json';
export const F2_UNE_RT_M_XX_EMPTY = 'eurostat_statistics1.0_jsonstat2_une_rt_m_geo_XX_empty.json';
export const F3_NAMA_10_GDP_IT = 'eurostat_statistics1.0_jsonstat2_nama_10_gdp_IT_CP_MEUR.json';

export function fixture(name: string): string {
  return readFileSync(path.join(FIXTURES, name), 'utf8');
}

export function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}
