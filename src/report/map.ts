/**
 * The EU map of the Report, drawn on the server with d3-geo into inline SVG: the same boundaries as the web
 * dashboard (Natural Earth 1:50m from world-atlas, cut to Europe by `web/build/europe-geojson.ts`) in the same
 * projection (Lambert azimuthal equal-area, as Eurostat's maps). States too small to see get a dot. A table beside
 * the map gives the same values in words and figures.
 */
import { geoAzimuthalEqualArea, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import { buildEuropeGeoJson } from '../../web/build/europe-geojson.ts';
import { escapeHtml } from './html.ts';

const WIDTH = 640;
const HEIGHT = 560;

type MapFeatures = FeatureCollection<MultiPolygon, { geo: string | null; name: string }>;

let features: MapFeatures | undefined;
const europe = () => (features ??= buildEuropeGeoJson());

export interface MapClass {
  id: string;
  label: string;
  fill: string;
}

export interface MapSpec {
  title: string;
  /** The class of each state's Eurostat code; states absent are drawn as not bound / no data (`fallback`). */
  classOf: (geo: string) => MapClass;
  /** Classes in legend order. */
  legend: readonly MapClass[];
  nameOf: (geo: string) => string;
}

const r1 = (x: number) => Math.round(x * 10) / 10;

export function euMap(spec: MapSpec): string {
  const all = europe();
  const eu = { ...all, features: all.features.filter((f) => f.properties.geo && f.properties.geo !== 'IS') };
  const projection = geoAzimuthalEqualArea().rotate([-10, -52]).fitExtent([[8, 8], [WIDTH - 8, HEIGHT - 8]], eu);
  // Neighbours reach far beyond the frame (Russia, the Sahara): clipping keeps the inline SVG small.
  projection.clipExtent([[0, 0], [WIDTH, HEIGHT]]);
  const path = geoPath(projection).digits(1);
  const shapes: string[] = [];
  const dots: string[] = [];
  for (const f of all.features as Feature<MultiPolygon, { geo: string | null; name: string }>[]) {
    const d = path(f) ?? '';
    const geo = f.properties.geo;
    if (!geo) {
      shapes.push(`<path d="${d}" fill="#eeeeee" stroke="#fff" stroke-width="0.4"/>`);
      continue;
    }
    const c = spec.classOf(geo);
    const title = `<title>${escapeHtml(`${spec.nameOf(geo)}: ${c.label}`)}</title>`;
    shapes.push(`<path d="${d}" fill="${c.fill}" stroke="#fff" stroke-width="0.6" data-geo="${geo}" data-class="${c.id}">${title}</path>`);
    if (path.area(f) < 12) {
      const [x, y] = path.centroid(f);
      dots.push(`<circle cx="${r1(x)}" cy="${r1(y)}" r="4" fill="${c.fill}" stroke="#1a1a1a" stroke-width="0.8">${title}</circle>`);
    }
  }
  const legend = spec.legend
    .map((c, i) => `<g transform="translate(14,${20 + i * 18})"><rect width="14" height="12" fill="${c.fill}" stroke="#555" stroke-width="0.5"/><text x="20" y="10" font-size="11">${escapeHtml(c.label)}</text></g>`)
    .join('');
  return `<svg class="eu-map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${escapeHtml(spec.title)}" font-family="DejaVu Sans, Arial, sans-serif">
<rect width="${WIDTH}" height="${HEIGHT}" fill="#f4f8fb"/>
${shapes.join('\n')}
${dots.join('\n')}
 <rect x="6" y="12" width="250" height="${spec.legend.length * 18 + 14}" fill="#fff" fill-opacity="0.85"/>
${legend}
</svg>`;
}
