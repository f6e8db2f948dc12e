/**
 * Checks shared by every parser: a figure is a finite number, counts of persons, decisions or detections are
 * non-negative whole numbers, and geo codes are ones the project knows.
 */
import { InputError } from '../domain/errors.ts';
import { isKnownGeo } from '../domain/member-states.ts';
import type { Unit } from './registry.ts';

const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

export interface Where {
  file: string;
  line?: number;
  field?: string;
}

/** Units that count things: values must be whole and non-negative. */
export function isCountUnit(unit: string): boolean {
  return unit === 'persons' || unit === 'decisions' || unit === 'detections';
}

export function parseFigure(text: string, unit: Unit | string, where: Where): number {
  const value = parseNumber(text, where);
  checkFigure(value, unit, where);
  return value;
}

/** A decimal number, or undefined when the text is not one (no error object built: for hot loops). */
export function tryNumber(text: string): number | undefined {
  if (!NUMBER.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** A decimal number, before its unit is known (the checks of `checkFigure` follow once it is). */
export function parseNumber(text: string, where: Where): number {
  const t = text.trim();
  if (!NUMBER.test(t)) throw new InputError(`"${text}" is not a number`, where);
  const value = Number(t);
  if (!Number.isFinite(value)) throw new InputError(`"${text}" is not a finite number`, where);
  return value;
}

export function checkFigure(value: number, unit: string, where: Where): void {
  if (!Number.isFinite(value)) throw new InputError(`${value} is not a finite number`, where);
  if (value < 0) throw new InputError(`${value} is negative; a ${unit} figure cannot be`, where);
  if (isCountUnit(unit) && !Number.isInteger(value)) throw new InputError(`${value} is not a whole number of ${unit}`, where);
}

export function checkGeo(geo: string, where: Where): void {
  if (!isKnownGeo(geo)) throw new InputError(`unknown geo code "${geo}" (not a Member State, associated state or known aggregate)`, where);
}
