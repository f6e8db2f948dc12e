/**
 * The indicators of the assessment (AMMR Art 9(3)(a), Art 10): which stored series feed each, in which order of
 * preference, and how far the series reaches across the Member States. A methodology file names indicators by these
 * ids; an id not here is refused (issue 3, bad input).
 *
 * Scope decides what a state without a figure means:
 * - `member-states`: every state should report; a state without a figure is a gap, stated, and the Union comparison
 *   runs over the states that have one.
 * - `frontline`: the source covers the phenomenon for the whole Union at the states where it happens (sea arrivals
 *   in the Mediterranean); a state outside it is outside the measurement (no figure, no index), and the Union total is
 *   the source's total.
 * - `routes`: Frontex detections by route, attributed to states by the versioned route table
 *   (`methodology/route-attribution-v1.json`); a state on no route has none attributed.
 */
import type { IndicatorId } from '../../data/registry.ts';
import type { MemberStateCode } from '../member-states.ts';
import { note, type Note } from '../note.ts';

export interface IndicatorSource {
  series: IndicatorId;
  /** Extra dimensions of the stored rows to read (e.g. UNHCR refugees from Ukraine: `{origin: 'UKR'}`). */
  dims?: Record<string, string>;
  /** Only these states take the figure from this source (a proxy valid only there). */
  states?: readonly MemberStateCode[];
  /** Only periods ending in or after this month (`YYYY-MM`) stand for the indicator (a proxy that means something else before). */
  validFrom?: string;
  /** Said in the data note when this source is not the first choice. */
  note?: Note;
}

export interface AssessmentIndicator {
  id: string;
  label: string;
  article: string;
  kind: 'flow' | 'stock' | 'ratio';
  scope: 'member-states' | 'frontline' | 'routes';
  /** In order of preference; a state takes the first that gives it a figure. */
  sources: readonly IndicatorSource[];
  /**
   * Known limits of a source, said in the state's notes when its figure comes from it: keyed by a part of the
   * observation's `source` (e.g. `iom-gdidata`) or by a state code.
   */
  caveats?: Readonly<Record<string, Note>>;
  /** For a ratio: numerator and denominator, read on the same window. */
  ratio?: { numerator: IndicatorSource; denominator: IndicatorSource };
}

export const ASSESSMENT_INDICATORS: readonly AssessmentIndicator[] = [
  {
    id: 'irregular_arrivals',
    label: 'Irregular border crossings attributed to the state (Frontex detections by route)',
    article: 'Art 9(3)(a)(xvi); Art 2(24)',
    kind: 'flow',
    scope: 'routes',
    sources: [{ series: 'irregular_crossings' }],
  },
  {
    id: 'sea_arrivals',
    label: 'Arrivals by sea and land in the Mediterranean frontline states (IOM DTM; Italian Ministry of the Interior)',
    article: 'Art 9(3)(a)(xii)–(xiii)',
    kind: 'flow',
    scope: 'frontline',
    sources: [{ series: 'sea_arrivals' }],
    caveats: { BG: note('caveat.bgApprehensions', {}) },
  },
  {
    id: 'sar_arrivals',
    label: 'Arrivals after search-and-rescue disembarkations',
    article: 'Art 9(3)(a)(xii); Art 11(3)',
    kind: 'flow',
    scope: 'frontline',
    sources: [
      { series: 'sar_disembarkations' },
      {
        series: 'sea_arrivals',
        states: ['IT', 'MT'],
        note: note('source.seaArrivalsAsSar', {}),
      },
    ],
  },
  {
    id: 'first_time_applications',
    label: 'First-time asylum applicants',
    article: 'Art 9(3)(a)(i); Art 2(24)',
    kind: 'flow',
    scope: 'member-states',
    sources: [
      { series: 'asylum_applicants_first_time' },
      {
        series: 'asylum_applications_unhcr',
        note: note('source.unhcrFirstTime', {}),
      },
    ],
  },
  {
    id: 'asylum_applications',
    label: 'Asylum applicants, first-time and subsequent',
    article: 'Art 9(3)(a)(i)',
    kind: 'flow',
    scope: 'member-states',
    sources: [{ series: 'asylum_applicants' }],
    caveats: {
      'iom-gdidata': note('caveat.iomGdidata', {}),
    },
  },
  {
    id: 'tp_beneficiaries',
    label: 'Beneficiaries of temporary protection (stock)',
    article: 'Art 9(3)(a)(xv)',
    kind: 'stock',
    scope: 'member-states',
    sources: [
      { series: 'tp_beneficiaries' },
      {
        series: 'refugees_stock',
        dims: { origin: 'UKR' },
        // Temporary protection exists from Council Implementing Decision (EU) 2022/382 of 4 March 2022; the UNHCR
        // figures of refugees from Ukraine before that are not beneficiaries of it.
        validFrom: '2022-03',
        note: note('source.unhcrTp', {}),
      },
    ],
  },
  {
    id: 'pending_cases',
    label: 'Persons with pending asylum applications (stock)',
    article: 'Art 9(3)(a)(iv); Art 10(2)',
    kind: 'stock',
    scope: 'member-states',
    sources: [
      { series: 'pending_cases' },
      { series: 'asylum_seekers_stock', note: note('source.unhcrAsylumSeekers', {}) },
    ],
  },
  {
    id: 'recognition_rate',
    label: 'First-instance recognition rate (positive ÷ all decisions)',
    article: 'Art 9(3)(a)(iii)–(iv); Art 12(3)',
    kind: 'ratio',
    scope: 'member-states',
    sources: [],
    ratio: { numerator: { series: 'first_instance_positive' }, denominator: { series: 'first_instance_decisions' } },
  },
  {
    id: 'returns',
    label: 'Third-country nationals returned following an order to leave',
    article: 'Art 9(3)(a)(vii)',
    kind: 'flow',
    scope: 'member-states',
    sources: [{ series: 'returns' }],
  },
  {
    id: 'return_rate',
    label: 'Return rate (returned ÷ ordered to leave)',
    article: 'Art 9(3)(a)(vii); Art 12(3)',
    kind: 'ratio',
    scope: 'member-states',
    sources: [],
    ratio: { numerator: { series: 'returns' }, denominator: { series: 'orders_to_leave' } },
  },
  {
    id: 'dublin_transfers_incoming',
    label: 'Incoming Dublin transfers',
    article: 'Art 9(3)(a)(xi)',
    kind: 'flow',
    scope: 'member-states',
    sources: [{ series: 'dublin_transfers_incoming' }],
  },
  {
    id: 'dublin_transfers_outgoing',
    label: 'Outgoing Dublin transfers',
    article: 'Art 9(3)(a)(xi)',
    kind: 'flow',
    scope: 'member-states',
    sources: [{ series: 'dublin_transfers_outgoing' }],
  },
];

const BY_ID = new Map(ASSESSMENT_INDICATORS.map((i) => [i.id, i]));

export function assessmentIndicator(id: string): AssessmentIndicator | undefined {
  return BY_ID.get(id);
}

/** Every stored series the indicators read, once each (for the store to fetch). */
export function sourcesOf(indicators: readonly AssessmentIndicator[]): IndicatorSource[] {
  const out = new Map<string, IndicatorSource>();
  for (const i of indicators) {
    for (const s of [...i.sources, ...(i.ratio ? [i.ratio.numerator, i.ratio.denominator] : [])]) out.set(sourceKey(s), { series: s.series, ...(s.dims ? { dims: s.dims } : {}) });
  }
  return [...out.values()];
}

/** The key of a series with its dimensions, e.g. `refugees_stock{origin=UKR}`. */
export function sourceKey(s: Pick<IndicatorSource, 'series' | 'dims'>): string {
  const dims = s.dims ? Object.entries(s.dims).sort().map(([k, v]) => `${k}=${v}`).join(',') : '';
  return dims ? `${s.series}{${dims}}` : s.series;
}
