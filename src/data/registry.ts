/**
 * The source registry: every indicator the cycle needs, where Eurostat publishes it (dataset code and filters), and
 * which file of a tidy data folder (such as `../shared/data`) serves it offline. One declarative table; loaders and
 * `data status` read it, nothing else decides where an indicator comes from.
 */

export type IndicatorId =
  | 'population'
  | 'gdp'
  | 'asylum_applicants_first_time'
  | 'asylum_applicants'
  | 'asylum_applicants_non_ukrainian'
  | 'asylum_applications_unhcr'
  | 'irregular_crossings'
  | 'sea_arrivals'
  | 'sar_disembarkations'
  | 'tp_beneficiaries'
  | 'tp_decisions'
  | 'first_instance_decisions'
  | 'first_instance_positive'
  | 'pending_cases'
  | 'asylum_seekers_stock'
  | 'refugees_stock'
  | 'orders_to_leave'
  | 'returns'
  | 'illegally_present'
  | 'refusals_of_entry'
  | 'dublin_requests_outgoing'
  | 'dublin_requests_incoming'
  | 'dublin_transfers_outgoing'
  | 'dublin_transfers_incoming'
  | 'reception_presences'
  | 'population_pop3ctb'
  | 'population_midyear_wpp'
  | 'gdp_usd_wdi'
  | 'unemployment_rate_wdi';

export type Unit = 'persons' | 'detections' | 'decisions' | 'MIO_EUR' | 'USD' | 'percent';

export interface EurostatQuery {
  dataset: string;
  /** Fixed dimension filters; `geo` and `time` are added per request. */
  filters: Record<string, string>;
  /**
   * Filter dimensions whose other codes are kept as a breakdown (`dims`) rather than refused, e.g. `citizen`: a row
   * with `citizen=SY` is the indicator by citizenship, stored with `dims: { citizen: 'SY' }`.
   */
  breakdowns?: readonly string[];
}

/**
 * Old dimension codes Eurostat has replaced, mapped to the current ones, so that both structures feed the same
 * indicator. migr_asyapp* used `asyl_app` (ASY_APP all applicants, NASY_APP first-time, SSEQ subsequent) until the
 * 2025 re-creation of the datasets, which uses `applicant` (TOTAL, FRST, SSEQ).
 */
export const CODE_ALIASES: Readonly<Record<string, { dim: string; codes: Readonly<Record<string, string>> }>> = {
  asyl_app: { dim: 'applicant', codes: { ASY_APP: 'TOTAL', NASY_APP: 'FRST', SSEQ: 'SSEQ' } },
};

/** A row's dimension codes in the current structure (old `asyl_app` codes become `applicant` codes). */
export function currentCodes(codes: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [dim, code] of Object.entries(codes)) {
    const alias = CODE_ALIASES[dim];
    if (alias) out[alias.dim] = alias.codes[code] ?? code;
    else out[dim] = code;
  }
  return out;
}

export interface IndicatorDefinition {
  id: IndicatorId;
  label: string;
  unit: Unit;
  /** Frequencies in which the indicator is published. */
  frequencies: readonly ('A' | 'Q' | 'M')[];
  /** Stock at a date (population, pending cases) or flow over the period (applications, arrivals). */
  measure: 'stock' | 'flow';
  /** Where Eurostat publishes it; absent for non-Eurostat sources (Frontex, IOM, UNHCR, national ministries). */
  eurostat?: EurostatQuery;
  /** The AMMR article that asks for it. */
  legalBasis: string;
  /** Files of `../shared/data` (relative paths) that serve it offline; empty when no public file was found. */
  offlineFiles: readonly string[];
  /**
   * Which geos a complete series has: every EU Member State (the default), the EU by route (Frontex), the
   * Mediterranean frontline states (IOM DTM), or one state's national series.
   */
  geoScope?: 'member-states' | 'routes' | 'frontline' | 'IT';
  /** A fallback or cross-check series, not one the Regulation names: `data status` does not list its gaps. */
  fallback?: boolean;
}

export const REGISTRY: readonly IndicatorDefinition[] = [
  {
    id: 'population',
    label: 'Population on 1 January',
    unit: 'persons',
    frequencies: ['A'],
    measure: 'stock',
    eurostat: { dataset: 'demo_pjan', filters: { age: 'TOTAL', sex: 'T', unit: 'NR' } },
    legalBasis: 'Art 66, Annex I (reference key, 50 %)',
    offlineFiles: ['eurostat/population_1jan.csv'],
  },
  {
    id: 'gdp',
    label: 'Gross domestic product at market prices, current prices',
    unit: 'MIO_EUR',
    frequencies: ['A'],
    measure: 'flow',
    eurostat: { dataset: 'nama_10_gdp', filters: { unit: 'CP_MEUR', na_item: 'B1GQ' } },
    legalBasis: 'Art 66, Annex I (reference key, 50 %)',
    offlineFiles: ['eurostat/gdp_current_prices_meur_2010_2024.csv'],
  },
  {
    id: 'asylum_applicants_first_time',
    label: 'First-time asylum applicants',
    unit: 'persons',
    frequencies: ['A', 'M'],
    measure: 'flow',
    // Old structure: asyl_app=NASY_APP; current structure: applicant=FRST. Both map here.
    eurostat: { dataset: 'migr_asyappctza', filters: { applicant: 'FRST', citizen: 'TOTAL', sex: 'T', age: 'TOTAL', unit: 'PER' }, breakdowns: ['citizen'] },
    legalBasis: 'Art 9(3)(a)(i)',
    offlineFiles: [
      'eurostat/asylum_first_time_applicants_annual_2008_2022.csv',
      'eurostat/asylum_first_time_applicants_annual_selected_countries_2008_2025_vintage2026.csv',
      'eurostat/asylum_first_time_applicants_by_citizenship_annual_2014_2022.csv',
      'eurostat/asylum_first_time_applicants_headlines_press_2015_2024.csv',
      'eurostat/asylum_first_time_applicants_monthly_headlines_press_2023_2025.csv',
    ],
  },
  {
    id: 'asylum_applicants',
    label: 'Asylum applicants (first-time and subsequent)',
    unit: 'persons',
    frequencies: ['A', 'M'],
    measure: 'flow',
    eurostat: { dataset: 'migr_asyappctza', filters: { applicant: 'TOTAL', citizen: 'TOTAL', sex: 'T', age: 'TOTAL', unit: 'PER' }, breakdowns: ['citizen'] },
    legalBasis: 'Art 9(3)(a)(i)',
    offlineFiles: [
      'eurostat/asylum_applicants_total_annual_2008_2022.csv',
      'eurostat/asylum_applicants_sum_over_citizenships_annual_2011_2024_iom_gdidata.csv',
      'eurostat/asylum_applicants_by_citizenship_annual_2011_2024_iom_gdidata.csv',
    ],
  },
  {
    id: 'asylum_applicants_non_ukrainian',
    label: 'Asylum applicants, all, excluding Ukrainian citizens (monthly)',
    unit: 'persons',
    frequencies: ['M'],
    measure: 'flow',
    eurostat: { dataset: 'migr_asyappctzm', filters: { applicant: 'TOTAL', sex: 'T', age: 'TOTAL', unit: 'PER' } },
    legalBasis: 'Art 9(3)(a)(i)',
    offlineFiles: ['eurostat/asylum_applicants_all_excl_ukrainian_citizens_monthly_2022_03_2024_08.csv'],
  },
  {
    id: 'asylum_applications_unhcr',
    label: 'New asylum applications (UNHCR)',
    unit: 'persons',
    frequencies: ['A'],
    measure: 'flow',
    legalBasis: 'Art 9(3)(a)(i); Art 10(1) (information from UN agencies)',
    offlineFiles: [
      'unhcr/asylum_applications_new_annual_2008_2025_unhcr_refugees_pkg.csv',
      'unhcr/asylum_applications_by_type_and_level_annual_2000_2025_unhcr_refugees_pkg.csv',
    ],
  },
  {
    id: 'irregular_crossings',
    label: 'Detections of irregular border crossings at the external borders (Frontex, by route)',
    unit: 'detections',
    frequencies: ['A', 'M'],
    measure: 'flow',
    legalBasis: 'Art 9(3)(a)(xvi)',
    offlineFiles: [
      'frontex/ibc_detections_monthly_by_route.csv',
      'frontex/ibc_detections_annual_by_route.csv',
      'frontex/ibc_detections_monthly_by_route_nationality.csv',
      'frontex/ibc_detections_ytd_by_route_press_2025.csv',
    ],
    geoScope: 'routes',
  },
  {
    id: 'sea_arrivals',
    label: 'Arrivals by sea and land in Mediterranean Member States',
    unit: 'persons',
    frequencies: ['M'],
    measure: 'flow',
    legalBasis: 'Art 9(3)(a)(xii)–(xiii)',
    offlineFiles: ['iom_dtm/mediterranean_arrivals_monthly.csv', 'other/italy_sea_arrivals_monthly_moi_2019_09_2025_09.csv'],
    geoScope: 'frontline',
  },
  {
    id: 'sar_disembarkations',
    label: 'Persons disembarked after search and rescue operations',
    unit: 'persons',
    frequencies: ['M'],
    measure: 'flow',
    legalBasis: 'Art 9(3)(a)(xii); Art 11(3)',
    // No separate SAR series is public; for IT and MT sea arrivals are in practice disembarkations (PROVENANCE).
    offlineFiles: [],
    geoScope: 'frontline',
  },
  {
    id: 'tp_beneficiaries',
    label: 'Beneficiaries of temporary protection at the end of the month',
    unit: 'persons',
    frequencies: ['M'],
    measure: 'stock',
    eurostat: { dataset: 'migr_asytpsm', filters: { citizen: 'TOTAL', sex: 'T', age: 'TOTAL' } },
    legalBasis: 'Art 9(3)(a)(xv)',
    offlineFiles: [
      'eurostat/temporary_protection_beneficiaries_end_of_month_2022_03_2023_05.csv',
      'eurostat/temporary_protection_beneficiaries_end_of_month_2022_03_2024_08_vintage2024.csv',
      'eurostat/temporary_protection_beneficiaries_headlines_press_2024_2025.csv',
    ],
  },
  {
    id: 'tp_decisions',
    label: 'Decisions granting temporary protection',
    unit: 'decisions',
    frequencies: ['M'],
    measure: 'flow',
    eurostat: { dataset: 'migr_asytpfm', filters: { citizen: 'TOTAL', sex: 'T', age: 'TOTAL' } },
    legalBasis: 'Art 9(3)(a)(xv)',
    offlineFiles: [
      'eurostat/temporary_protection_decisions_granting_monthly_2022_03_2023_05.csv',
      'eurostat/temporary_protection_decisions_granting_monthly_2022_03_2024_08_vintage2024.csv',
    ],
  },
  {
    id: 'first_instance_decisions',
    label: 'First-instance asylum decisions, total',
    unit: 'decisions',
    frequencies: ['Q', 'A'],
    measure: 'flow',
    eurostat: { dataset: 'migr_asydcfstq', filters: { decision: 'TOTAL', citizen: 'TOTAL', sex: 'T', age: 'TOTAL' } },
    legalBasis: 'Art 9(3)(a)(iv); Art 12(3) (average recognition rates)',
    offlineFiles: ['eurostat/first_instance_decisions_quarterly_2008_2023q1.csv'],
  },
  {
    id: 'first_instance_positive',
    label: 'First-instance asylum decisions, positive',
    unit: 'decisions',
    frequencies: ['Q', 'A'],
    measure: 'flow',
    eurostat: { dataset: 'migr_asydcfstq', filters: { decision: 'TOTAL_POS', citizen: 'TOTAL', sex: 'T', age: 'TOTAL' } },
    legalBasis: 'Art 9(3)(a)(iii)–(iv)',
    offlineFiles: ['eurostat/first_instance_decisions_quarterly_2008_2023q1.csv'],
  },
  {
    id: 'pending_cases',
    label: 'Persons with pending asylum applications at the end of the month',
    unit: 'persons',
    frequencies: ['M'],
    measure: 'stock',
    eurostat: { dataset: 'migr_asypenctzm', filters: { citizen: 'TOTAL', sex: 'T', age: 'TOTAL' } },
    legalBasis: 'Art 9(3)(a)(iv); Art 10(2)',
    offlineFiles: ['eurostat/asylum_pending_cases_end_of_month_2008_2023_05.csv'],
  },
  {
    id: 'asylum_seekers_stock',
    label: 'Asylum-seekers with pending cases at year end (UNHCR)',
    unit: 'persons',
    frequencies: ['A'],
    measure: 'stock',
    legalBasis: 'Art 9(3)(a)(iv)',
    offlineFiles: [
      'unhcr/stock_refugees_and_asylum_seekers_yearend_2000_2025_unhcr_refugees_pkg.csv',
      'unhcr/stock_asylum_seekers_and_refugees_yearend_by_country_of_asylum.csv',
      'unhcr/refugees_from_ukraine_yearend_2014_2025_unhcr_refugees_pkg.csv',
    ],
  },
  {
    id: 'refugees_stock',
    label: 'Refugees at year end (UNHCR)',
    unit: 'persons',
    frequencies: ['A'],
    measure: 'stock',
    legalBasis: 'Art 9(3)(a)(iii)',
    offlineFiles: [
      'unhcr/stock_refugees_and_asylum_seekers_yearend_2000_2025_unhcr_refugees_pkg.csv',
      'unhcr/stock_asylum_seekers_and_refugees_yearend_by_country_of_asylum.csv',
      'unhcr/refugees_from_ukraine_yearend_2014_2025_unhcr_refugees_pkg.csv',
    ],
  },
  {
    id: 'orders_to_leave',
    label: 'Third-country nationals ordered to leave',
    unit: 'persons',
    frequencies: ['A'],
    measure: 'flow',
    eurostat: { dataset: 'migr_eiord', filters: { citizen: 'TOTAL', sex: 'T', age: 'TOTAL' } },
    legalBasis: 'Art 9(3)(a)(vii)',
    offlineFiles: ['eurostat/orders_to_leave_and_returns_annual_selected_countries_2008_2025.csv'],
  },
  {
    id: 'returns',
    label: 'Third-country nationals returned following an order to leave',
    unit: 'persons',
    frequencies: ['A'],
    measure: 'flow',
    eurostat: { dataset: 'migr_eirtn', filters: { citizen: 'TOTAL', sex: 'T', age: 'TOTAL', c_dest: 'TOTAL' } },
    legalBasis: 'Art 9(3)(a)(vii); Art 12(3) (average return rates)',
    offlineFiles: ['eurostat/orders_to_leave_and_returns_annual_selected_countries_2008_2025.csv'],
  },
  {
    id: 'illegally_present',
    label: 'Third-country nationals found to be illegally present',
    unit: 'persons',
    frequencies: ['A'],
    measure: 'flow',
    eurostat: { dataset: 'migr_eipre', filters: { citizen: 'TOTAL', sex: 'T', age: 'TOTAL' } },
    legalBasis: 'Art 9(3)(a)(vi)',
    offlineFiles: ['eurostat/third_country_nationals_found_illegally_present_annual_selected_countries_2008_2025.csv'],
  },
  {
    id: 'refusals_of_entry',
    label: 'Third-country nationals refused entry at the external borders',
    unit: 'persons',
    frequencies: ['A'],
    measure: 'flow',
    eurostat: { dataset: 'migr_eirfs', filters: { citizen: 'TOTAL', border: 'TOTAL', reason: 'TOTAL' } },
    legalBasis: 'Art 9(3)(a)(xiv); APR Art 47(4)',
    offlineFiles: [],
  },
  {
    id: 'dublin_requests_outgoing',
    label: 'Outgoing Dublin requests',
    unit: 'decisions',
    frequencies: ['A'],
    measure: 'flow',
    eurostat: { dataset: 'migr_dubro', filters: { partner: 'TOTAL', legal_provision: 'TOTAL', request: 'TOTAL' } },
    legalBasis: 'Art 9(3)(a)(x)',
    offlineFiles: [],
  },
  {
    id: 'dublin_requests_incoming',
    label: 'Incoming Dublin requests',
    unit: 'decisions',
    frequencies: ['A'],
    measure: 'flow',
    eurostat: { dataset: 'migr_dubri', filters: { partner: 'TOTAL', legal_provision: 'TOTAL', request: 'TOTAL' } },
    legalBasis: 'Art 9(3)(a)(x)',
    offlineFiles: [],
  },
  {
    id: 'dublin_transfers_outgoing',
    label: 'Outgoing Dublin transfers',
    unit: 'persons',
    frequencies: ['A'],
    measure: 'flow',
    eurostat: { dataset: 'migr_dubto', filters: { partner: 'TOTAL', legal_provision: 'TOTAL' } },
    legalBasis: 'Art 9(3)(a)(xi)',
    offlineFiles: [],
  },
  {
    id: 'dublin_transfers_incoming',
    label: 'Incoming Dublin transfers',
    unit: 'persons',
    frequencies: ['A'],
    measure: 'flow',
    eurostat: { dataset: 'migr_dubti', filters: { partner: 'TOTAL', legal_provision: 'TOTAL' } },
    legalBasis: 'Art 9(3)(a)(xi)',
    offlineFiles: [],
  },
  {
    id: 'reception_presences',
    label: 'Persons present in the reception system (Italy)',
    unit: 'persons',
    frequencies: ['M'],
    measure: 'stock',
    legalBasis: 'Art 9(3)(a)(v); Art 9(3)(d)',
    offlineFiles: ['other/italy_reception_presences_by_type_moi_2019_09_2025_09.csv'],
    geoScope: 'IT',
  },
  {
    id: 'population_pop3ctb',
    label: 'Population on 1 January, all countries of birth (migr_pop3ctb; equals demo_pjan only where concordant)',
    unit: 'persons',
    frequencies: ['A'],
    measure: 'stock',
    eurostat: { dataset: 'migr_pop3ctb', filters: { c_birth: 'TOTAL', age: 'TOTAL', sex: 'T', unit: 'NR' } },
    legalBasis: 'Art 66, Annex I (cross-check and gap-fill of the reference key population)',
    offlineFiles: ['eurostat/population_1jan_by_country_of_birth_total_selected_countries_2000_2025.csv'],
    fallback: true,
  },
  {
    id: 'population_midyear_wpp',
    label: 'Mid-year population, UN World Population Prospects 2024 (World Bank WDI)',
    unit: 'persons',
    frequencies: ['A'],
    measure: 'stock',
    legalBasis: 'fallback only: the Pact refers to Eurostat population on 1 January',
    offlineFiles: ['worldbank/un_wpp_population_midyear.csv'],
    fallback: true,
  },
  {
    id: 'gdp_usd_wdi',
    label: 'GDP at current US dollars (World Bank NY.GDP.MKTP.CD)',
    unit: 'USD',
    frequencies: ['A'],
    measure: 'flow',
    legalBasis: 'fallback only: the Pact refers to Eurostat GDP',
    offlineFiles: ['worldbank/wdi_gdp_current_usd.csv'],
    fallback: true,
  },
  {
    id: 'unemployment_rate_wdi',
    label: 'Unemployment rate, ILO modelled estimate (World Bank SL.UEM.TOTL.ZS)',
    unit: 'percent',
    frequencies: ['A'],
    measure: 'stock',
    legalBasis: 'context only (Art 9(3) situation of the Member State)',
    offlineFiles: ['worldbank/wdi_unemployment_rate_ilo_modelled.csv'],
    fallback: true,
  },
];

const BY_ID = new Map(REGISTRY.map((d) => [d.id, d]));

export function isIndicatorId(id: string): id is IndicatorId {
  return BY_ID.has(id as IndicatorId);
}

export function indicatorDefinition(id: IndicatorId): IndicatorDefinition {
  return BY_ID.get(id)!;
}

/** The indicators Eurostat publishes in `dataset` (lower-case code), with their filters. */
export function eurostatTargets(dataset: string): IndicatorDefinition[] {
  const d = dataset.toLowerCase();
  return REGISTRY.filter((r) => r.eurostat?.dataset === d);
}
