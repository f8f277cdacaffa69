/**
 * @module The IANA time zone of a place, from the `tz-lookup` package (CC0), so "open now" reads a
 * schedule in the location's own time.
 */
import { createRequire } from 'node:module';

let lookup: ((latitude: number, longitude: number) => string) | undefined;

/** The time zone at a point; UTC when the point is out of range. */
export function findTimeZone(latitude: number, longitude: number): string {
  lookup ??= createRequire(import.meta.url)('tz-lookup') as (latitude: number, longitude: number) => string;
  try {
    return lookup(latitude, longitude);
  } catch {
    return 'UTC';
  }
}
