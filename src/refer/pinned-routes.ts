/**
 * @module The national routes every search offers first: the human trafficking hotline and the
 * CyberTipline, read from content/jurisdictions/national-routes.yaml (never written in code).
 */
import { loadShippedReference } from '../respond/jurisdictions.ts';

/** Ids of the national routes pinned above every result list. */
export const pinnedRouteIds = ['human-trafficking-hotline', 'cybertipline'] as const;

/** A pinned national route, as search returns it. */
export interface PinnedRoute {
  id: string;
  name: string;
  purpose: string;
  phone: string;
  text: { number: string; keywords: string[] } | null;
  web: string | null;
  hours: string | null;
}

/** The pinned routes, in the order of `pinnedRouteIds`; throws if the content lacks one. */
export function findPinnedRoutes(): PinnedRoute[] {
  const routes = loadShippedReference().national.routes;
  return pinnedRouteIds.map((id) => {
    const route = routes.find((r) => r.id === id);
    if (!route) throw new Error(`content/jurisdictions/national-routes.yaml has no route ${id}`);
    return {
      id: route.id,
      name: route.name,
      purpose: route.purpose,
      phone: route.phone,
      text: route.text ? { number: route.text.number, keywords: route.text.keywords ?? [] } : null,
      web: route.web?.url ?? null,
      hours: route.hours ?? null,
    };
  });
}
