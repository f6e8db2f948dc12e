import { describe, expect, it } from 'vitest';
import { note, NOTE_KEYS, NOTE_PARAMS, type ParamKind } from '../domain/note.ts';
import { NOTE_CATALOGS, noteJson, renderNote, routeName } from './index.ts';

const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();

describe('the note catalogs', () => {
  it('are English and Dutch, each with a sentence for every note key and no other', () => {
    expect(Object.keys(NOTE_CATALOGS)).toEqual(['en', 'nl']);
    for (const [lang, cat] of Object.entries(NOTE_CATALOGS)) {
      expect(cat.lang).toBe(lang);
      expect(Object.keys(cat.notes).sort(), lang).toEqual([...NOTE_KEYS].sort());
    }
  });

  it('use exactly the parameters each key declares', () => {
    for (const cat of Object.values(NOTE_CATALOGS)) {
      for (const key of NOTE_KEYS) expect({ lang: cat.lang, key, p: placeholders(cat.notes[key]!) }).toEqual({ lang: cat.lang, key, p: Object.keys(NOTE_PARAMS[key]).sort() });
    }
  });

  it('have every term a parameter names, in every language', () => {
    const groups = new Set(NOTE_KEYS.flatMap((k) => Object.values(NOTE_PARAMS[k] as Record<string, ParamKind>)).filter((kind) => kind.startsWith('@')).map((kind) => kind.slice(1)));
    const en = NOTE_CATALOGS.en!;
    for (const g of groups) expect(Object.keys(en.terms[g] ?? {}).length, g).toBeGreaterThan(0);
    for (const cat of Object.values(NOTE_CATALOGS)) {
      expect(Object.keys(cat.terms).sort()).toEqual(Object.keys(en.terms).sort());
      for (const g of Object.keys(en.terms)) expect(Object.keys(cat.terms[g]!).sort(), `${cat.lang} ${g}`).toEqual(Object.keys(en.terms[g]!).sort());
    }
  });

  it('render numbers, months, dates, states, terms and nested notes in the language', () => {
    const n = note('assessment.figure', { indicator: 'sea_arrivals', period: 'current', span: '2024-07/2025-06', parts: [note('resolve.substituted', { basis: 'months', used: '2024-04/2025-03', span: '2024-07/2025-06' }), note('assessment.flagged', { flags: ['"p"', '"e"'] })] });
    expect(renderNote(n, NOTE_CATALOGS.en!)).toBe(
      'sea_arrivals (reference period July 2024 – June 2025): monthly data summed over April 2024 – March 2025 used for July 2024 – June 2025 (nearest available period); flagged "p" and "e" by its source.',
    );
    expect(renderNote(n, NOTE_CATALOGS.nl!)).toBe(
      'sea_arrivals (referentieperiode juli 2024 – juni 2025): maandcijfers opgeteld over april 2024 – maart 2025 gebruikt voor juli 2024 – juni 2025 (dichtstbijzijnde beschikbare periode); door de bron gemarkeerd als "p" en "e".',
    );
    const c = note('capacity.refusalsPartial', { states: ['EL', 'DE'] });
    expect(renderNote(c, NOTE_CATALOGS.nl!)).toBe('Weigeringen van toegang zijn onbekend voor Griekenland en Duitsland: de aandelen van die staten tellen alleen grensoverschrijdingen en opsporing en redding.');
    expect(renderNote(note('assessment.routeCount', { route: 'Other', count: 12345 }), NOTE_CATALOGS.nl!)).toBe('Overige 12.345');
    expect(renderNote(note('outlook.appliesFrom', { date: '2026-06-12' }), NOTE_CATALOGS.nl!)).toContain('12 juni 2026');
    expect(renderNote(note('backtest.skip.noOrigin', { months: 24, last: '2024-12', train: 48, origin: '2026-12' }), NOTE_CATALOGS.nl!)).toBe(
      'te kort om te toetsen: het eerste vertrekpunt van een voorspelling met 48 maanden gegevens zou december 2026 zijn, en geen enkele maand daarna is waargenomen (de 24 maanden eindigen in december 2024)',
    );
  });

  it('name every Frontex route in every language, and a route they do not know as the data names it', () => {
    // The routes of the Frontex files (../shared/data/frontex/, PROVENANCE.md), as the data names them.
    const routes = ['Central Mediterranean Route', 'Eastern Mediterranean Route', 'Western Mediterranean Route', 'Western African Route', 'Western Balkan Route',
      'Eastern Borders Route', 'Circular Route from Albania to Greece', 'Black Sea Route', 'Other'];
    for (const cat of Object.values(NOTE_CATALOGS)) expect(Object.keys(cat.terms.route!).sort(), cat.lang).toEqual([...routes].sort());
    // English keeps Frontex's own names, so the API's English text is as before.
    for (const r of routes) expect(routeName(r, NOTE_CATALOGS.en!)).toBe(r);
    expect(routes.map((r) => routeName(r, NOTE_CATALOGS.nl!))).toEqual(['Centrale Middellandse Zeeroute', 'Oostelijke Middellandse Zeeroute', 'Westelijke Middellandse Zeeroute',
      'West-Afrikaanse route', 'Westelijke Balkanroute', 'Route over de oostgrenzen', 'Circulaire route van Albanië naar Griekenland', 'Zwarte Zeeroute', 'Overige']);
    // A new name in future data is shown as it is: no error, no placeholder.
    expect(routeName('Channel Route', NOTE_CATALOGS.nl!)).toBe('Channel Route');
    expect(renderNote(note('assessment.routeCount', { route: 'Channel Route', count: 7 }), NOTE_CATALOGS.nl!)).toBe('Channel Route 7');
    expect(renderNote(note('outlook.unattributed', { routes: ['Other', 'Channel Route'] }), NOTE_CATALOGS.nl!)).toBe('Detecties van Overige en Channel Route zijn aan geen enkele staat toegerekend en weggelaten.');
    expect(renderNote(note('capacity.routeAttributed', { route: 'Western Balkan Route', states: ['HR/HU'], basis: 'equal-split' }), NOTE_CATALOGS.nl!)).toMatch(/^Westelijke Balkanroute → HR\/HU \(/);
    expect(noteJson(note('assessment.routeSubstitution', { route: 'Western Balkan Route', substitution: note('assessment.noSource', {}) })).text).toMatch(/^Western Balkan Route: /);
  });

  it('write a fraction as a percentage with one decimal, in the language', () => {
    const n = note('borderNationalities.notChannelled', { positive: 1234, decisions: 5000, year: 2025, rate: 0.2468, threshold: 0.2 });
    expect(renderNote(n, NOTE_CATALOGS.en!)).toMatch(/^1,234 positive of 5,000 first-instance decisions in 2025 \(Union-wide\) = 24\.7 %, above 20\.0 %/);
    expect(renderNote(n, NOTE_CATALOGS.nl!)).toMatch(/^1\.234 positieve van 5\.000 beslissingen in eerste aanleg in 2025 \(Uniebreed\) = 24,7 %, boven 20,0 %/);
  });

  it('give the API and the CLI the key, the parameters and the English sentence', () => {
    expect(noteJson(note('series.partialMonth', { month: '2025-09' }))).toEqual({ key: 'series.partialMonth', params: { month: '2025-09' }, text: 'September 2025 left out: partial month' });
  });
});
