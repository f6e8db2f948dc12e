/** How the map shows a state's categories: the most demanding category decides the colour (the table lists all). */
import type { Category } from '../api/public.ts';

export type MapClass = Category | 'none' | 'not-bound';

// Art 11: pressure first, then a significant migratory situation, then risk. Colours keep ≥ 3:1 against the sea
// and their neighbours (WCAG 1.4.11), and the legend and table say the same in words.
const PRIORITY: readonly Category[] = ['migratory-pressure', 'significant-migratory-situation', 'risk-of-migratory-pressure'];

export const FILL: Record<MapClass, string> = {
  'migratory-pressure': '#a50f15',
  'significant-migratory-situation': '#54278f',
  'risk-of-migratory-pressure': '#e6550d',
  none: '#9ecae1',
  'not-bound': '#d9d9d9',
};

export function mapClass(categories: readonly Category[] | undefined, bound: boolean): MapClass {
  if (!bound) return 'not-bound';
  return PRIORITY.find((c) => categories?.includes(c)) ?? 'none';
}
