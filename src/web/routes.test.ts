import { describe, expect, test } from 'vitest';
import { findRoute, isRouteAllowed, pageRoutes } from './routes.ts';
import type { SessionView } from './session-types.ts';
import { groupSecret } from './pages/totp-enrolment-page.tsx';
import { cleanCode } from './components/totp-code-form.tsx';

function sessionWith(permissions: Record<string, string[]>): SessionView {
  return {
    status: 'signed-in', user: { id: 'u', email: 'a@b.org', displayName: 'A', locale: 'en' }, csrfToken: 'x',
    organizationId: 'o', facilityId: null, roles: [], organizations: [], permissions,
  };
}

describe('the page registry', () => {
  test('finds pages by path, ignoring a trailing slash', () => {
    expect(findRoute('/')?.path).toBe('/');
    expect(findRoute('/admin/users/')?.path).toBe('/admin/users');
    expect(findRoute('/admin/nothing')).toBeUndefined();
  });

  test('paths are unique', () => {
    const paths = pageRoutes.map((route) => route.path);
    expect(new Set(paths).size).toBe(paths.length);
  });

  test('a page that needs a permission is allowed only when the session has it', () => {
    const audit = findRoute('/admin/audit')!;
    expect(isRouteAllowed(audit, sessionWith({ audit: ['read', 'export'] }))).toBe(true);
    expect(isRouteAllowed(audit, sessionWith({ audit: ['export'] }))).toBe(false);
    expect(isRouteAllowed(audit, sessionWith({}))).toBe(false);
    expect(isRouteAllowed(findRoute('/')!, sessionWith({}))).toBe(true);
  });

  test('public pages need no permission and stay out of navigation', () => {
    const publicPages = pageRoutes.filter((route) => route.public);
    expect(publicPages.map((route) => route.path)).toEqual(['/referral-link']);
    for (const route of publicPages) {
      expect(route.permission, route.path).toBeUndefined();
      expect(route.nav, route.path).toBeUndefined();
      expect(isRouteAllowed(route, sessionWith({}))).toBe(true);
    }
  });
});

describe('second-factor input', () => {
  test('setup keys are shown in groups of four', () => {
    expect(groupSecret('NQQ7NYVBKTUPISJAJ42I')).toBe('NQQ7 NYVB KTUP ISJA J42I');
    expect(groupSecret('ABCDEF')).toBe('ABCD EF');
  });

  test('typed codes keep only their digits', () => {
    expect(cleanCode(' 123 456 ')).toBe('123456');
    expect(cleanCode('12-34-56')).toBe('123456');
  });
});
