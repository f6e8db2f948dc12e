/** The real files of ../shared/data that the border-procedure outlook reads: Frontex detections by route and sea arrivals. */
export const ARRIVAL_FILES = [
  'frontex/ibc_detections_monthly_by_route.csv',
  'frontex/ibc_detections_annual_by_route.csv',
  'iom_dtm/mediterranean_arrivals_monthly.csv',
  'other/italy_sea_arrivals_monthly_moi_2019_09_2025_09.csv',
];
