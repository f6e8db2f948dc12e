import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../domain/errors.ts';
import { catalog, createI18n, LANGUAGES } from './index.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the Report’s message catalogs', () => {
  it('are English and Dutch, with the same keys and the same placeholders in each message', () => {
    expect(LANGUAGES).toEqual(['en', 'nl']);
    const en = catalog('en');
    const nl = catalog('nl');
    expect(Object.keys(nl).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) expect(placeholders(nl[key]!), key).toEqual(placeholders(en[key]!));
  });

  it('uses every key in the code that builds the Report (none is dead)', () => {
    const code = ['build.ts', 'html.ts', 'i18n/index.ts', 'sections/sources.ts', 'sections/assessment.ts', 'sections/capacity-outlook.ts'].map((f) => readFileSync(new URL(`../${f}`, import.meta.url), 'utf8')).join('\n');
    const prefixes = ['indicator.', 'gap.', 'category.', 'bool.', 'assessIndicator.', 'measure.', 'ground.', 'periodKey.', 'disagreement.', 'map.class.', 'col.', 'table.', 'section.', 'unit.', 'chart.', 'methodology.', 'pool.proposal.', 'assessment.disagreement.', 'assessment.map.', 'toolboxItem.', 'milestone.'];
    for (const key of Object.keys(catalog('en'))) {
      if (prefixes.some((p) => key.startsWith(p))) continue;
      expect(code.includes(`'${key}'`), key).toBe(true);
    }
  });

  it('formats numbers, periods and dates per language', () => {
    const en = createI18n('en');
    const nl = createI18n('nl');
    expect([en.integer(1234567), nl.integer(1234567)]).toEqual(['1,234,567', '1.234.567']);
    expect(nl.percent(0.1234)).toBe('12,3%');
    expect(en.change(0.1)).toBe('+10.0%');
    expect([en.period('2024-07..2025-06'), nl.period('2024-07..2025-06')]).toEqual(['July 2024 – June 2025', 'juli 2024 – juni 2025']);
    expect(en.period('2024-07/2025-06')).toBe('July 2024 – June 2025');
    expect(nl.period('2024-Q3')).toBe('K3 2024');
    expect(nl.date('2025-10-15')).toBe('15 oktober 2025');
    expect([en.state('EL'), nl.state('EL'), nl.state('EU27_2020')]).toEqual(['Greece', 'Griekenland', 'Europese Unie (27)']);
  });

  it('refuses an unknown language as a usage error naming the ones there are', () => {
    expect(() => createI18n('fr')).toThrow(UsageError);
    expect(() => createI18n('fr')).toThrow('en, nl');
  });
});
