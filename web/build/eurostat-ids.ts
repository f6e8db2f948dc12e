/**
 * ISO 3166-1 numeric ids (as used by `world-atlas`) of the states of the Pact, by Eurostat geo code (EL for Greece),
 * and of the neighbours drawn in grey for context.
 */
export const PACT_STATE_IDS: Record<string, string> = {
  BE: '056', BG: '100', CZ: '203', DK: '208', DE: '276', EE: '233', IE: '372', EL: '300', ES: '724', FR: '250',
  HR: '191', IT: '380', CY: '196', LV: '428', LT: '440', LU: '442', HU: '348', MT: '470', NL: '528', AT: '040',
  PL: '616', PT: '620', RO: '642', SI: '705', SK: '703', FI: '246', SE: '752', IS: '352', NO: '578', CH: '756',
  LI: '438',
};

/** United Kingdom, the Western Balkans, Eastern neighbours, Türkiye, North Africa, Russia (Kaliningrad). */
export const CONTEXT_IDS = [
  '826', '688', '070', '499', '807', '008', '498', '804', '112', '643', '792', '504', '012', '788', '434', '818',
  '376', '400', '422', '760', '368', '268', '051', '031', '364',
];
