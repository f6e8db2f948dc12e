/**
 * The map of the Pact's states coloured by their category, drawn with d3-geo in Lambert azimuthal equal-area
 * (the projection of Eurostat's maps, EPSG:3035). Boundaries come from Natural Earth via `world-atlas`, prepared at
 * build time (web/build/europe-geojson.ts). The map is for the eye; the table beside it says the same for everyone.
 */
import { geoAzimuthalEqualArea, geoPath } from 'd3-geo';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { stateName, t } from '../i18n/i18n.ts';
import { FILL, type MapClass } from './categories.ts';

type MapFeatures = FeatureCollection<MultiPolygon, { geo: string | null; name: string }>;

const WIDTH = 640;
const HEIGHT = 560;
let cached: Promise<MapFeatures> | undefined;
export const loadFeatures = () => (cached ??= fetch('/europe.geo.json').then((r) => r.json() as Promise<MapFeatures>));

export function EuMap({ classOf, selected, onSelect }: { classOf: (geo: string) => MapClass; selected?: string | undefined; onSelect: (geo: string) => void }) {
  const [features, setFeatures] = useState<MapFeatures>();
  useEffect(() => {
    void loadFeatures().then(setFeatures);
  }, []);
  const paths = useMemo(() => {
    if (!features) return [];
    const eu = { ...features, features: features.features.filter((f) => f.properties.geo && f.properties.geo !== 'IS') };
    const projection = geoAzimuthalEqualArea().rotate([-10, -52]).fitExtent([[8, 8], [WIDTH - 8, HEIGHT - 8]], eu);
    const path = geoPath(projection);
    // States too small to see at this scale (Malta, Luxembourg, Liechtenstein) also get a dot at their centroid.
    return features.features.map((f) => ({ id: String(f.id), geo: f.properties.geo, d: path(f) ?? '', dot: f.properties.geo && path.area(f) < 12 ? path.centroid(f) : null }));
  }, [features]);
  useEffect(() => {
    if (paths.length) performance.mark('pactcycle:map-drawn');
  }, [paths]);
  return (
    <svg
      class="eu-map"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={t('map.label')}
      data-ready={paths.length ? 'true' : 'false'}
    >
      <rect width={WIDTH} height={HEIGHT} fill="#f4f8fb" />
      {paths.map((p) =>
        p.geo ? (
          <path
            key={p.id}
            d={p.d}
            fill={FILL[classOf(p.geo)]}
            stroke={p.geo === selected ? '#000' : '#fff'}
            stroke-width={p.geo === selected ? 2 : 0.6}
            class="state"
            data-geo={p.geo}
            onClick={() => onSelect(p.geo!)}
          >
            <title>{stateName(p.geo)}</title>
          </path>
        ) : (
          <path key={p.id} d={p.d} fill="#eeeeee" stroke="#fff" stroke-width={0.4} />
        ),
      )}
      {paths.map((p) =>
        p.geo && p.dot ? (
          <circle key={`dot-${p.id}`} cx={p.dot[0]} cy={p.dot[1]} r={4} fill={FILL[classOf(p.geo)]} stroke="#1a1a1a" stroke-width={0.8} class="state" onClick={() => onSelect(p.geo!)}>
            <title>{stateName(p.geo)}</title>
          </circle>
        ) : null,
      )}
    </svg>
  );
}
