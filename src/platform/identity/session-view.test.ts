import { describe, expect, test } from 'vitest';
import { roles } from '../policy.ts';
import { isAllowed } from '../policy.ts';
import { permissionsFor, sessionStatus } from './session-view.ts';
import { checkIssuer } from './sso-provider.ts';

describe('session status', () => {
  test('a second factor is due for TOTP users until given, and for admins until enrolled', () => {
    expect(sessionStatus({ mfaPending: false, totpEnabled: false, rolesHere: ['clinician'] })).toBe('signed-in');
    expect(sessionStatus({ mfaPending: true, totpEnabled: true, rolesHere: ['clinician'] })).toBe('mfa-required');
    expect(sessionStatus({ mfaPending: true, totpEnabled: false, rolesHere: ['admin'] })).toBe('mfa-enrolment-required');
    // An admin role granted mid-session still forces enrolment.
    expect(sessionStatus({ mfaPending: false, totpEnabled: false, rolesHere: ['learner', 'admin'] })).toBe('mfa-enrolment-required');
    expect(sessionStatus({ mfaPending: false, totpEnabled: true, rolesHere: ['admin'] })).toBe('signed-in');
  });
});

describe('permissions in the session view', () => {
  test('they agree with the policy table for every role', () => {
    for (const role of roles) {
      const permissions = permissionsFor([role]);
      for (const [resource, allowed] of Object.entries(permissions)) {
        for (const action of allowed) expect(isAllowed([role], resource as never, action)).toBe(true);
      }
    }
  });

  test('a learner sees courses but nothing administrative', () => {
    const permissions = permissionsFor(['learner']);
    expect(permissions.course).toEqual(['read']);
    expect(permissions.user).toBeUndefined();
    expect(permissions.audit).toBeUndefined();
  });

  test('no roles, no permissions', () => {
    expect(permissionsFor([])).toEqual({});
  });
});

describe('SSO issuer check', () => {
  test('HTTPS issuers are accepted without a trailing slash; plain HTTP only on loopback', () => {
    expect(checkIssuer('https://login.example.org/realms/clinic/')).toBe('https://login.example.org/realms/clinic');
    expect(checkIssuer('http://127.0.0.1:9000')).toBe('http://127.0.0.1:9000');
    expect(() => checkIssuer('http://login.example.org')).toThrow(/https/);
    expect(() => checkIssuer('not a url')).toThrow(/full URL/);
    expect(() => checkIssuer('https://login.example.org/?x=1')).toThrow(/query/);
  });
});
