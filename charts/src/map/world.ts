/// <reference path="./atlas.d.ts" />
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries from 'i18n-iso-countries';
import atlas from 'world-atlas/countries-110m.json';
import type { RegionIndex } from '../options/map';

// Loaded on demand (drawWidget imports this module dynamically): the 110m atlas is ~100 kB and only map widgets
// need it. world-atlas keys countries by ISO 3166-1 numeric id ("764"); rows name them by alpha-2 ("TH"),
// alpha-3 ("THA"), numeric or the atlas' English name. i18n-iso-countries is the maintained code table between
// them, so a new or renamed country arrives with an npm update, not a hand-edited list.

const ANTARCTICA = '010';

interface CountryProperties {
  name: string;
}

/** A GeoJSON feature collection as ECharts' registerMap takes it. */
export interface GeoJson {
  type: 'FeatureCollection';
  features: { type: 'Feature'; id?: string | number; properties: CountryProperties; geometry: unknown }[];
}

function worldFeatures(): GeoJson {
  const topology = atlas as unknown as Topology<{ countries: GeometryCollection<CountryProperties> }>;
  const collection = feature(topology, topology.objects.countries);
  return {
    type: 'FeatureCollection',
    features: collection.features
      .filter((f) => f.id !== ANTARCTICA)
      .map((f) => ({ type: 'Feature', id: f.id, properties: { name: f.properties.name }, geometry: f.geometry })),
  };
}

/** The ISO 3166-1 numeric id ("764") of a row's code: alpha-2, alpha-3 or numeric, any case. */
export function numericId(code: unknown): string | undefined {
  if (typeof code === 'number' && Number.isInteger(code) && code > 0 && code < 1000) {
    return numericId(String(code));
  }
  if (typeof code !== 'string') {
    return undefined;
  }
  const text = code.trim().toUpperCase();
  if (/^\d{1,3}$/.test(text)) {
    const padded = text.padStart(3, '0');
    return countries.numericToAlpha2(padded) ? padded : undefined;
  }
  if (/^[A-Z]{2}$/.test(text)) {
    return countries.alpha2ToNumeric(text);
  }
  if (/^[A-Z]{3}$/.test(text)) {
    return countries.alpha3ToNumeric(text);
  }
  return undefined;
}

/** The world's countries with a lookup from any row code to the region name ECharts knows them by. */
export function worldIndex(): RegionIndex & { geoJson: GeoJson } {
  const geoJson = worldFeatures();
  const nameById = new Map<string, string>();
  const names = new Set<string>();
  for (const f of geoJson.features) {
    names.add(f.properties.name);
    if (f.id !== undefined) {
      nameById.set(String(f.id), f.properties.name);
    }
  }
  return {
    geoJson,
    regionName(code: unknown): string | undefined {
      const id = numericId(code);
      if (id !== undefined) {
        return nameById.get(id);
      }
      return typeof code === 'string' && names.has(code.trim()) ? code.trim() : undefined;
    },
    countryName(alpha2: string): string | undefined {
      const id = numericId(alpha2);
      return id === undefined ? undefined : nameById.get(id);
    },
  };
}

/** The features one map widget draws: the world, or the one country its chartConfig.map.region names. */
export function regionFeatures(world: GeoJson, region: string | undefined): GeoJson {
  if (region === undefined || region === 'world') {
    return world;
  }
  const id = numericId(region);
  return { type: 'FeatureCollection', features: world.features.filter((f) => String(f.id) === id) };
}
