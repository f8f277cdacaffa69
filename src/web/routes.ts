/**
 * @module The pages of the signed-in app, in one registry: the router renders them and the
 * navigation lists them, showing only pages the caller's permissions allow. A capability adds its
 * pages by appending entries here (path, label key, nav group, permission, component). A large
 * page can be `lazy(() => import('…'))`: the shell renders pages inside <Suspense>.
 */
import { lazy, type ComponentType } from 'react';
import type { MessageKey } from '../platform/i18n/catalogs.ts';
import { messageKey } from './i18n.tsx';
import { isPermitted, type SessionView } from './session-types.ts';
import { HomePage } from './pages/home-page.tsx';
import { ContextPage } from './pages/context-page.tsx';
import { UsersPage } from './admin/users-page.tsx';
import { ApiTokensPage } from './admin/api-tokens-page.tsx';
import { RetentionPage } from './admin/retention-page.tsx';
import { AuditPage } from './admin/audit-page.tsx';
import { SingleSignOnPage } from './admin/single-sign-on-page.tsx';
import { ScreeningPage, SelfScreenPage } from '../recognize/ui/screening-pages.tsx';
import { CasesPage } from '../respond/ui/cases-page.tsx';
import { CasePage } from '../respond/ui/case-page.tsx';
import { HandoffPage } from '../respond/ui/handoff-page.tsx';
import { ProtocolPage } from '../respond/ui/protocol-page.tsx';
import { ProtocolEditorPage } from '../respond/ui/protocol-editor-page.tsx';
import { StatisticsPage } from '../respond/ui/statistics-page.tsx';
import { referralPageRoutes } from '../refer/ui/referral-pages.ts';

export interface PageRoute {
  path: string;
  /** The page's name in navigation (the page's own heading says the same). */
  label: MessageKey;
  /** Where navigation lists it; pages without a group are reached by links only. */
  nav?: 'main' | 'admin';
  /** The permission the page needs; pages without one are open to every signed-in user. */
  permission?: readonly [resource: string, action: string];
  /**
   * Shown without signing in: the page authenticates its reader itself (a signed link). It must
   * not use the signed-in session; it has no navigation entry.
   */
  public?: true;
  /** One line about the page for the home page's overview. */
  summary?: MessageKey;
  Page: ComponentType;
}

export const pageRoutes: PageRoute[] = [
  { path: '/', label: messageKey('nav.home'), nav: 'main', Page: HomePage },
  { path: '/context', label: messageKey('context.title'), Page: ContextPage },
  { path: '/admin/users', label: messageKey('nav.users'), nav: 'admin', permission: ['user', 'read'], summary: messageKey('users.summary'), Page: UsersPage },
  { path: '/admin/api-tokens', label: messageKey('nav.apiTokens'), nav: 'admin', permission: ['api-token', 'read'], summary: messageKey('tokens.summary'), Page: ApiTokensPage },
  { path: '/admin/retention', label: messageKey('nav.retention'), nav: 'admin', permission: ['retention', 'read'], summary: messageKey('retention.summary'), Page: RetentionPage },
  { path: '/admin/single-sign-on', label: messageKey('nav.sso'), nav: 'admin', permission: ['organization', 'update'], summary: messageKey('sso.summary'), Page: SingleSignOnPage },
  { path: '/admin/audit', label: messageKey('nav.audit'), nav: 'admin', permission: ['audit', 'read'], summary: messageKey('audit.summary'), Page: AuditPage },
  { path: '/screening', label: messageKey('recognize.nav.screening'), nav: 'main', permission: ['screening', 'create'], summary: messageKey('recognize.nav.screeningSummary'), Page: ScreeningPage },
  { path: '/self-screen', label: messageKey('recognize.nav.selfScreen'), nav: 'main', permission: ['screening', 'create'], summary: messageKey('recognize.nav.selfScreenSummary'), Page: SelfScreenPage },
  // Respond
  { path: '/cases', label: messageKey('respond.nav.cases'), nav: 'main', permission: ['case', 'read'], summary: messageKey('respond.nav.casesSummary'), Page: CasesPage },
  { path: '/cases/:id', label: messageKey('respond.case.title'), permission: ['case', 'read'], Page: CasePage },
  { path: '/cases/:id/handoff', label: messageKey('respond.handoff.heading'), permission: ['case', 'read'], Page: HandoffPage },
  { path: '/protocol', label: messageKey('respond.nav.protocol'), nav: 'main', permission: ['protocol', 'read'], summary: messageKey('respond.nav.protocolSummary'), Page: ProtocolPage },
  { path: '/protocol/edit', label: messageKey('respond.editor.title'), permission: ['protocol', 'create'], Page: ProtocolEditorPage },
  { path: '/statistics', label: messageKey('respond.nav.statistics'), nav: 'main', permission: ['statistics', 'read'], summary: messageKey('respond.nav.statisticsSummary'), Page: StatisticsPage },
  // EHR: the registrations (admin), the SMART app (fhirclient loads only with these pages)
  { path: '/admin/health-records', label: messageKey('ehr.admin.nav'), nav: 'admin', permission: ['organization', 'update'], summary: messageKey('ehr.admin.summary'), Page: lazy(() => import('../ehr/ui/ehr-registrations-page.tsx').then((m) => ({ default: m.EhrRegistrationsPage }))) },
  { path: '/smart/launch', label: messageKey('ehr.smart.launchTitle'), permission: ['screening', 'create'], Page: lazy(() => import('../ehr/ui/smart-launch-page.tsx').then((m) => ({ default: m.SmartLaunchPage }))) },
  { path: '/smart/app', label: messageKey('ehr.smart.appTitle'), permission: ['screening', 'create'], Page: lazy(() => import('../ehr/ui/smart-app-page.tsx').then((m) => ({ default: m.SmartAppPage }))) },
  // Learn: the course player and the educator's compliance view load with their pages
  { path: '/learn', label: messageKey('learn.nav.training'), nav: 'main', permission: ['course', 'read'], summary: messageKey('learn.nav.trainingSummary'), Page: lazy(() => import('../learn/ui/learn-home-page.tsx').then((m) => ({ default: m.LearnHomePage }))) },
  { path: '/learn/enrolments/:id', label: messageKey('learn.nav.player'), permission: ['enrolment', 'read'], Page: lazy(() => import('../learn/ui/course-player-page.tsx').then((m) => ({ default: m.CoursePlayerPage }))) },
  { path: '/learn/compliance', label: messageKey('learn.nav.compliance'), nav: 'main', permission: ['compliance', 'read'], summary: messageKey('learn.nav.complianceSummary'), Page: lazy(() => import('../learn/ui/compliance-page.tsx').then((m) => ({ default: m.CompliancePage }))) },
  { path: '/admin/learning-integrations', label: messageKey('learn.integrations.nav'), nav: 'admin', permission: ['organization', 'update'], summary: messageKey('learn.integrations.summary'), Page: lazy(() => import('../learn/ui/integrations-page.tsx').then((m) => ({ default: m.IntegrationsPage }))) },
  { path: '/resources', label: messageKey('learn.nav.resources'), nav: 'main', permission: ['article', 'read'], summary: messageKey('learn.nav.resourcesSummary'), Page: lazy(() => import('../learn/ui/articles-page.tsx').then((m) => ({ default: m.ArticlesPage }))) },
  { path: '/resources/:id', label: messageKey('learn.articles.title'), permission: ['article', 'read'], Page: lazy(() => import('../learn/ui/articles-page.tsx').then((m) => ({ default: m.ArticlePage }))) },
  // Refer: referrals sent from a case, the partner's inbox, notifications
  ...referralPageRoutes,
];

/** True when the session may open the page. */
export function isRouteAllowed(route: PageRoute, session: SessionView): boolean {
  return route.public === true || !route.permission || isPermitted(session, route.permission[0], route.permission[1]);
}

/** The page for a path, or undefined when nothing lives there; `:name` segments match any one segment. */
export function findRoute(path: string): PageRoute | undefined {
  const normalized = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return pageRoutes.find((route) => route.path === normalized) ?? pageRoutes.find((route) => routeParams(route.path, normalized) !== undefined);
}

/** The values of a pattern's `:name` segments in a path (`/cases/:id` and `/cases/42` → {id: '42'}), or undefined when it does not match. */
export function routeParams(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const have = (path.length > 1 ? path.replace(/\/+$/, '') : path).split('/');
  if (want.length !== have.length || !pattern.includes('/:')) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i += 1) {
    const segment = want[i]!;
    const value = have[i]!;
    if (segment.startsWith(':')) {
      if (value === '') return undefined;
      params[segment.slice(1)] = decodeURIComponent(value);
    } else if (segment !== value) return undefined;
  }
  return params;
}
