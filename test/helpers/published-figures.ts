/**
 * Real published figures for the server and browser tests: a subset of `../shared/data` (what the public pages and
 * the assessment of the 2026 cycle read) loaded through the real loader (src/data) and the real manifest.
 */
import { loadDataFolder } from '../../src/data/index.ts';
import type { Db } from '../../src/store/db.ts';
import { tempFolder } from './data-folder.ts';

export const PUBLISHED_FILES = [
  'eurostat/population_1jan.csv',
  'eurostat/gdp_current_prices_meur_2010_2024.csv',
  'eurostat/asylum_first_time_applicants_annual_2008_2022.csv',
  'eurostat/asylum_first_time_applicants_annual_selected_countries_2008_2025_vintage2026.csv',
  'eurostat/asylum_applicants_total_annual_2008_2022.csv',
  'eurostat/temporary_protection_beneficiaries_end_of_month_2022_03_2024_08_vintage2024.csv',
  'frontex/ibc_detections_monthly_by_route.csv',
  'iom_dtm/mediterranean_arrivals_monthly.csv',
  'other/italy_sea_arrivals_monthly_moi_2019_09_2025_09.csv',
];

export async function seedPublishedFigures(db: Db): Promise<void> {
  const folder = tempFolder(PUBLISHED_FILES);
  try {
    await loadDataFolder(db, folder.dir);
  } finally {
    folder.remove();
  }
}
