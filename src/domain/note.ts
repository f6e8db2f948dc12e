/**
 * A note the engine writes — a substitution, a gap, a fallback, an assumption — as data: a key and its parameters,
 * never a sentence. The words are in the note catalogs (`src/notes/<lang>.json`), one sentence per key in each
 * language; the Report, the web pages, the CLI and the API render a note in their reader's language
 * (`src/notes/render.ts`). Pure code builds notes with `note()`, whose parameters are typed by the key.
 *
 * @example
 * note('forecast.fallback.nonSeasonal', { months: 30, min: 36, model: 'ets' })
 * // en: "only 30 months (fewer than 36): non-seasonal ets fitted"
 */

/**
 * How a parameter is written: `text` verbatim (codes, ids, names of sources); `int`, `dec` as numbers of the
 * language; `pct` a fraction (0.1) as a percentage with one decimal (10.0); `year` as is; `state(s)` by the state's
 * name; `period(s)` as months, quarters or spans (`2024-07`, `2024-07/2025-06`, `2024`); `date` a day; `list` strings
 * verbatim; `note(s)` nested notes; `@group` a term of the catalog (`terms.<group>.<value>`), the value itself when
 * the catalog has no such term; `@route` a Frontex route named as the data names it (`Western Balkan Route`), and
 * `routes` a list of them, each written in the language (`terms.route`), a route the catalog does not know as named.
 */
export type ParamKind = 'text' | 'int' | 'dec' | 'pct' | 'year' | 'state' | 'states' | 'routes' | 'period' | 'periods' | 'date' | 'list' | 'note' | 'notes' | `@${string}`;

/** Every note and the kind of each of its parameters; the catalogs have a sentence for each with these placeholders. */
export const NOTE_PARAMS = {
  // Forecast (domain/forecast/models.ts, cycle/monthly-series.ts)
  'forecast.fallback.tooShort': { months: 'int', min: 'int', model: 'text' },
  'forecast.fallback.snaive': { months: 'int', season: 'int' },
  'forecast.fallback.nonSeasonal': { months: 'int', min: 'int', model: 'text' },
  'forecast.uninformative': { month: 'period', ratio: 'text' },
  'series.partialMonth': { month: 'period' },
  'series.gap': { from: 'period', to: 'period', months: 'int', since: 'period' },
  // Why a series is not forecast (cycle/monthly-series.ts, cycle/forecast.ts) or not backtested (domain/forecast/backtest.ts)
  'forecast.skip.gap': { from: 'period', to: 'period', months: 'int', since: 'period', min: 'int' },
  'forecast.skip.tooShort': { months: 'int', since: 'period', min: 'int' },
  'forecast.skip.negative': { value: 'dec', month: 'period', source: 'text' },
  'forecast.skip.allPartial': { first: 'period', last: 'period' },
  'backtest.skip.noOrigin': { months: 'int', last: 'period', train: 'int', origin: 'period' },

  // Nearest-period resolution of a series (domain/assessment/resolve.ts)
  'resolve.noData': {},
  'resolve.noCompletePeriod': { length: 'int', count: 'int', first: 'period', last: 'period' },
  'resolve.tooFar': { window: 'period', gap: 'int', span: 'period', max: 'int' },
  'resolve.tooFarStock': { month: 'period', gap: 'int', span: 'period', max: 'int' },
  'resolve.substituted': { basis: '@basis', used: 'period', span: 'period' },
  'resolve.substitutedStock': { basis: '@basis', used: 'period', month: 'period' },

  // Indicators of the assessment (domain/assessment/compute.ts, indicators.ts, classify.ts; cycle/assess.ts)
  'assessment.figure': { indicator: 'text', period: '@periodKey', span: 'period', parts: 'notes' },
  'assessment.fromSource': { source: 'text' },
  'assessment.fromSourceBecause': { source: 'text', because: 'note' },
  'assessment.flagged': { flags: 'list' },
  'assessment.missing': { indicator: 'text', period: '@periodKey', span: 'period', reasons: 'notes' },
  'assessment.missingRatio': { indicator: 'text', period: '@periodKey', span: 'period', reason: 'note' },
  'assessment.sourceReason': { source: 'text', reason: 'note' },
  'assessment.noSource': {},
  'assessment.outsideCoverage': {},
  'assessment.denominatorZero': { source: 'text' },
  'assessment.noFrontex': { indicator: 'text', period: '@periodKey', span: 'period' },
  'assessment.noFrontexStored': {},
  'assessment.noRouteFigure': { indicator: 'text', period: '@periodKey', span: 'period' },
  'assessment.noRouteFigureShort': {},
  'assessment.routesSubstituted': { indicator: 'text', period: '@periodKey', span: 'period', routes: 'notes' },
  'assessment.routeSubstitution': { route: '@route', substitution: 'note' },
  'assessment.routesWithoutFigure': { indicator: 'text', period: '@periodKey', span: 'period', routes: 'routes', reasons: 'notes' },
  'assessment.equalSplit': { indicator: 'text', routes: 'routes', states: 'list', version: 'text' },
  'assessment.routesNearest': { indicator: 'text', period: '@periodKey', span: 'period', windows: 'periods', routes: 'routes' },
  'assessment.routeAttribution': { indicator: 'text', table: 'text', version: 'text', status: '@tableStatus', none: 'states' },
  'assessment.routeAttributionUnattributed': { indicator: 'text', table: 'text', version: 'text', status: '@tableStatus', none: 'states', detections: 'notes' },
  'assessment.routeCount': { route: '@route', count: 'int' },
  'assessment.frontlineCoverage': { indicator: 'text', states: 'states' },
  'assessment.frontlineNone': { indicator: 'text' },
  'assessment.partialUnion': { indicator: 'text', period: '@periodKey', span: 'period', count: 'int', total: 'int' },
  'assessment.notAssessable': { category: '@category', rules: 'notes' },
  'assessment.ruleMissing': { rule: 'text', conditions: 'notes' },
  'assessment.condition': { indicator: 'text', measure: '@measure', period: '@periodKey' },
  'assessment.backcast': { first: 'year', version: 'text' },
  'source.seaArrivalsAsSar': {},
  'source.unhcrFirstTime': {},
  'source.unhcrTp': {},
  'source.unhcrAsylumSeekers': {},
  'caveat.bgApprehensions': {},
  'caveat.iomGdidata': {},

  // The Art 66 key (cycle/fair-share.ts) and the pool's proposal (cli/commands/pool.ts)
  'fairShare.incompleteYear': { indicator: '@keyIndicator', newest: 'year', missing: 'states', complete: 'year' },
  'fairShare.olderYear': { indicator: '@keyIndicator', complete: 'year', latest: 'year' },
  'fairShare.flaggedAll': { indicator: '@keyIndicator', flags: 'text' },
  'fairShare.flagged': { indicator: '@keyIndicator', states: 'states', flags: 'text' },
  'pool.noSarPercentage': { reason: 'text' },

  // Adequate capacity of the border procedure (cycle/adequate-capacity.ts)
  'capacity.monthsStored': { route: '@route', year: 'year', months: 'int' },
  'capacity.crossingsAttributed': { table: 'text', version: 'text', status: '@tableStatus', routes: 'notes' },
  'capacity.routeAttributed': { route: '@route', states: 'list', basis: '@attributionBasis' },
  'capacity.routeNotAttributed': { route: '@route', basis: '@attributionBasis' },
  'capacity.detectionsNotPersons': {},
  'capacity.noCrossings': {},
  'capacity.sarMissing': { state: 'state', months: 'periods' },
  'capacity.seaMissing': { state: 'state', months: 'periods' },
  'capacity.seaAsSar': {},
  'capacity.doubleCount': {},
  'capacity.refusalsAbsent': {},
  'capacity.refusalsPartial': { states: 'states' },
  'capacity.unattributed': { detections: 'notes' },

  // Will capacity hold? (cycle/capacity-outlook.ts)
  'outlook.entries.default': { share: 'dec', weeks: 'int' },
  'outlook.entries.given': { share: 'dec', weeks: 'int' },
  'outlook.arrivals': {},
  'outlook.intervals': {},
  'outlook.returnProcedure': {},
  'outlook.appliesFrom': { date: 'date' },
  'outlook.unattributed': { routes: 'routes' },
  'outlook.lastObserved': { route: '@route', last: 'period', from: 'period', model: 'text' },

  // How a time limit is counted (domain/procedures/counting.ts): why a last day moved
  'counting.twoWorkingDays': {},
  'counting.nonWorkingDay': { day: '@dayKind', rule: '@countingRule' },

  // The procedures' deadline calculator (domain/procedures/deadlines.ts): names are terms of the catalogs
  'deadline.procedure': { procedure: '@procedure' },
  'deadline.instrument': { instrument: '@instrument' },
  'deadline.startsOn': { event: '@startEvent' },
  'deadline.step': { step: '@deadlineStep' },
  'deadline.afterStep': { step: '@deadlineStep' },
  'deadline.period': { n: 'int', unit: '@periodUnit' },
  'deadline.condition': { condition: '@extensionCondition' },
  'deadline.counting.ammr': {},
  'deadline.counting.regulation1182': {},
  'deadline.takeChargeRequest.missed': {},
  'deadline.takeChargeReply.silence': {},
  'deadline.takeChargeReplyHit.silence': {},
  'deadline.transfer.missed': {},
  'deadline.transfer.imprisonment': {},
  'deadline.relocation.notice': {},
  'deadline.noHolidays': {},
  'deadline.ammrAppliesFrom': { date: 'date' },

  // Nationalities channelled to the mandatory border procedure (domain/procedures/border-nationalities.ts,
  // cycle/border-nationalities.ts)
  'borderNationalities.channelled': { positive: 'int', decisions: 'int', year: 'year', rate: 'pct', threshold: 'pct' },
  'borderNationalities.notChannelled': { positive: 'int', decisions: 'int', year: 'year', rate: 'pct', threshold: 'pct' },
  'borderNationalities.noDecision': {},
  'borderNationalities.inconsistent': { positive: 'int', decisions: 'int' },
  'borderNationalities.caveat.year': { year: 'year' },
  'borderNationalities.caveat.rounding': {},
  'borderNationalities.caveat.startingPoint': {},
  'borderNationalities.computed': { channelled: 'int', rated: 'int', dataYear: 'year', sources: 'notes', year: 'year' },
  'borderNationalities.source': { source: 'text', vintage: 'text' },
  'borderNationalities.missing': { before: 'year', held: 'notes', needed: 'note' },
  'borderNationalities.heldTotals': { indicator: 'text', first: 'period', last: 'period', sources: 'list' },
  'borderNationalities.heldByCitizenship': { indicator: 'text', first: 'period', last: 'period', sources: 'list' },
  'borderNationalities.heldNothing': { indicator: 'text' },
  'borderNationalities.dataNeeded': { dataset: 'text', geo: 'text', dataYear: 'year', year: 'year' },
  'borderNationalities.positiveMissing': { citizens: 'list', year: 'year' },
  'borderNationalities.olderYear': { dataYear: 'year', wanted: 'year' },

  // The time limits of a relocation (domain/matching/timers.ts, Art 67(9)-(11))
  'timers.label.confirmation': {},
  'timers.label.transferDecision': {},
  'timers.label.noticeApplicant': {},
  'timers.label.noticeBeneficiary': {},
  'timers.label.transfer': {},
  'timers.silenceIsConfirmation': {},
  'timers.postponed': {},
  'timers.noticeCountedBack': {},
  'timers.fromAppeal': {},
} as const satisfies Record<string, Record<string, ParamKind>>;

export type NoteKey = keyof typeof NOTE_PARAMS;

/** A parameter's value: numbers, strings, lists of strings, or notes nested in a note. */
export type NoteParam = string | number | readonly string[] | Note | readonly Note[];

export interface Note {
  key: NoteKey;
  params: Readonly<Record<string, NoteParam>>;
}

type ValueOf<K extends ParamKind> = K extends 'int' | 'dec' | 'pct' ? number : K extends 'year' ? number | string : K extends 'states' | 'routes' | 'list' | 'periods' ? readonly string[] : K extends 'note' ? Note : K extends 'notes' ? readonly Note[] : string;

/** The parameters of one key, each typed by its kind. */
export type NoteParams<K extends NoteKey> = { [P in keyof (typeof NOTE_PARAMS)[K]]: (typeof NOTE_PARAMS)[K][P] extends infer T extends ParamKind ? ValueOf<T> : never };

/** Builds a note; a key that does not exist, or a parameter missing or of the wrong type, does not compile. */
export function note<K extends NoteKey>(key: K, params: NoteParams<K>): Note {
  return { key, params: params as Readonly<Record<string, NoteParam>> };
}

export const NOTE_KEYS = Object.keys(NOTE_PARAMS) as NoteKey[];
