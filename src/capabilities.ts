/**
 * @module The capabilities the server mounts, in one list: the table of contents of the API.
 */
import type { Capability } from './platform/http/app.ts';
import { platformRoutes } from './platform/routes.ts';

export const capabilities: Capability[] = [
  { name: 'platform', plugin: platformRoutes },
];
