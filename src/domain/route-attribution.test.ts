import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from './errors.ts';
import { attributeRoutes, parseRouteAttribution } from './route-attribution.ts';

const v1 = parseRouteAttribution(JSON.parse(readFileSync(new URL('../../methodology/route-attribution-v1.json', import.meta.url), 'utf8')));

describe('route attribution', () => {
  it('the committed table v1 is valid and names every Frontex route of the data', () => {
    expect(v1.version).toBe(1);
    for (const route of ['Central Mediterranean Route', 'Eastern Mediterranean Route', 'Western Mediterranean Route', 'Western African Route',
      'Western Balkan Route', 'Eastern Borders Route', 'Circular Route from Albania to Greece', 'Black Sea Route', 'Other']) {
      expect(v1.routes[route]).toBeDefined();
    }
  });
  it('shares a route in proportion to its weights and keeps the total', () => {
    const out = attributeRoutes(new Map([['Western Balkan Route', 301], ['Western African Route', 50], ['Other', 7], ['Moon Route', 3]]), v1);
    expect(out.byState.get('HU')).toBe(101);
    expect(out.byState.get('HR')).toBe(100);
    expect(out.byState.get('RO')).toBe(100);
    expect(out.byState.get('ES')).toBe(50);
    expect(out.unattributed).toEqual([{ route: 'Other', value: 7 }, { route: 'Moon Route', value: 3 }]);
    const attributed = [...out.byState.values()].reduce((a, b) => a + b, 0);
    expect(attributed + 10).toBe(361);
  });
  it('refuses a table with a state that is not a Member State, naming the field', () => {
    const bad = structuredClone(v1) as unknown as { routes: Record<string, { states: Record<string, number> }> };
    bad.routes['Western African Route']!.states = { XX: 1 };
    expect(() => parseRouteAttribution(bad, 'v1.json')).toThrow(InputError);
    expect(() => parseRouteAttribution(bad, 'v1.json')).toThrow(/v1.json.*routes.Western African Route.states/);
  });
});
