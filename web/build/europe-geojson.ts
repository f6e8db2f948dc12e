/**
 * Builds the map's boundaries at build time from `world-atlas` (Natural Earth 1:50m): the states of the Pact with
 * their Eurostat code, neighbours for context, only the parts inside Europe's frame (no overseas territories), with
 * coordinates rounded to 0.01° (about 1 km), so the browser fetches a small GeoJSON file instead of the world.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { CONTEXT_IDS, PACT_STATE_IDS } from './eurostat-ids.ts';

// Longitude and latitude bounds of the frame: Iceland to Cyprus, Malta to the North Cape.
const FRAME = { west: -25, east: 45, south: 33, north: 72 };

const round = (p: Position): Position => [Math.round(p[0]! * 100) / 100, Math.round(p[1]! * 100) / 100];

function centroidInFrame(ring: Position[]): boolean {
  let x = 0, y = 0;
  for (const p of ring) { x += p[0]!; y += p[1]!; }
  x /= ring.length; y /= ring.length;
  return x >= FRAME.west && x <= FRAME.east && y >= FRAME.south && y <= FRAME.north;
}

function keepInFrame(geometry: Polygon | MultiPolygon): MultiPolygon | undefined {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const kept = polygons
    .filter((poly) => poly[0] && centroidInFrame(poly[0]))
    .map((poly) => poly.map((ring) => ring.map(round).filter((p, i, all) => i === 0 || p[0] !== all[i - 1]![0] || p[1] !== all[i - 1]![1])));
  return kept.length ? { type: 'MultiPolygon', coordinates: kept } : undefined;
}

export function buildEuropeGeoJson(): FeatureCollection<MultiPolygon, { geo: string | null; name: string }> {
  const require = createRequire(import.meta.url);
  const topo = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const all = feature(topo, topo.objects.countries) as FeatureCollection<Polygon | MultiPolygon, { name: string }>;
  const geoById = new Map(Object.entries(PACT_STATE_IDS).map(([geo, id]) => [id, geo]));
  const context = new Set(CONTEXT_IDS);
  const features: Feature<MultiPolygon, { geo: string | null; name: string }>[] = [];
  for (const f of all.features) {
    const id = String(f.id);
    const geo = geoById.get(id);
    if (!geo && !context.has(id)) continue;
    const geometry = f.geometry && keepInFrame(f.geometry);
    if (geometry) features.push({ type: 'Feature', id, properties: { geo: geo ?? null, name: f.properties.name }, geometry });
  }
  return { type: 'FeatureCollection', features };
}
