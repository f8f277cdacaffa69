/**
 * @module The capabilities the server mounts, in one list: the table of contents of the API.
 */
import type { Capability } from './platform/http/app.ts';
import { platformRoutes } from './platform/routes.ts';
import { operationsPlugin } from './platform/ops/index.ts';
import { auditRoutes } from './platform/audit/routes.ts';
import { identity } from './platform/identity/index.ts';
import { recognize } from './recognize/capability.ts';
import { respond } from './respond/index.ts';
import { refer } from './refer/index.ts';
import { learn } from './learn/index.ts';
import { ehr } from './ehr/index.ts';

export const capabilities: Capability[] = [
  // First: its request hooks (metrics) must exist before the routes after it are declared.
  { name: 'operations', plugin: operationsPlugin },
  { name: 'platform', plugin: platformRoutes },
  { name: 'audit', plugin: auditRoutes },
  identity,
  recognize,
  respond,
  refer,
  learn,
  ehr,
];
