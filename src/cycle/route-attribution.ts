/** Reads the versioned route-attribution table of `methodology/` (see src/domain/route-attribution.ts). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InputError } from '../domain/errors.ts';
import { parseRouteAttribution, type RouteAttribution } from '../domain/route-attribution.ts';

export const ROUTE_ATTRIBUTION_FILE = fileURLToPath(new URL('../../methodology/route-attribution-v1.json', import.meta.url));

export function loadRouteAttribution(file = ROUTE_ATTRIBUTION_FILE): RouteAttribution {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new InputError(`cannot read the route attribution table: ${(err as Error).message}`, { file });
  }
  return parseRouteAttribution(json, file);
}
