import { geoGraticule10, geoNaturalEarth1, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import { useEffect, useState } from 'react';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { FeatureCollection } from 'geojson';
import type { CaseView } from '../api';
import { Link, paths } from '../router';

const WIDTH = 420;
const HEIGHT = 300;

let countries: Promise<FeatureCollection> | null = null;

/** Natural Earth country shapes from world-atlas, bundled and loaded on first use (no tile server). */
function loadCountries(): Promise<FeatureCollection> {
  countries ??= import('world-atlas/countries-50m.json').then((m) => {
    const topology = (m.default ?? m) as unknown as Topology<{ countries: GeometryCollection }>;
    return feature(topology, topology.objects.countries) as FeatureCollection;
  });
  return countries;
}

/** The places of a case on an offline map, framed around them. */
export function CaseMap({ places }: { places: CaseView['places'] }) {
  const [shapes, setShapes] = useState<FeatureCollection | null>(null);
  useEffect(() => {
    let live = true;
    void loadCountries().then((s) => live && setShapes(s));
    return () => {
      live = false;
    };
  }, []);
  const located = places.filter((p): p is typeof p & { lon: number; lat: number } => p.lon !== null && p.lat !== null);
  const unlocated = places.filter((p) => p.lon === null || p.lat === null);
  if (located.length === 0) {
    return <p className="muted">No place of this case could be located{unlocated.length ? ` (${unlocated.map((p) => p.name).join(', ')})` : ''}.</p>;
  }
  // Frame the places with a margin of at least 6 degrees, so one city still shows its region.
  const lons = located.map((p) => p.lon);
  const lats = located.map((p) => p.lat);
  const margin = 6;
  const frame: GeoPermissibleObjects = {
    type: 'MultiPoint',
    coordinates: [
      [Math.min(...lons) - margin, Math.min(...lats) - margin],
      [Math.max(...lons) + margin, Math.max(...lats) + margin],
    ],
  };
  const projection = geoNaturalEarth1().fitExtent(
    [
      [16, 16],
      [WIDTH - 60, HEIGHT - 16],
    ],
    frame,
  );
  const path = geoPath(projection);
  // Many places would bury each other's names: then only places of events are labelled.
  const labelled = (p: (typeof located)[number]): boolean => located.length <= 8 || p.eventIds.length > 0;
  return (
    <figure className="case-map">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label="Map of the places in this case">
        <rect width={WIDTH} height={HEIGHT} className="sea" />
        <path d={path(geoGraticule10()) ?? ''} className="graticule" />
        {shapes?.features.map((f, i) => <path key={i} d={path(f) ?? ''} className="land" />)}
        {located.map((p) => {
          const xy = projection([p.lon, p.lat]);
          if (!xy) return null;
          return (
            <g key={p.id} className="place" transform={`translate(${xy[0]},${xy[1]})`}>
              <circle r={3.5 + Math.min(5, p.eventIds.length * 1.2)} />
              <title>{p.name}</title>
              {labelled(p) ? (
                <text x={xy[0] > WIDTH - 90 ? -9 : 9} y={4} textAnchor={xy[0] > WIDTH - 90 ? 'end' : 'start'}>
                  {p.name}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption className="muted small">
        {located.map((p, i) => (
          <span key={p.id}>
            {i ? ', ' : ''}
            <Link href={paths.entity(p.id)}>{p.name}</Link>
            {p.eventIds.length ? ` (${p.eventIds.length} event${p.eventIds.length > 1 ? 's' : ''})` : ''}
          </span>
        ))}
        {unlocated.length ? ` · not located: ${unlocated.map((p) => p.name).join(', ')}` : ''}. Shapes: Natural Earth.
      </figcaption>
    </figure>
  );
}
