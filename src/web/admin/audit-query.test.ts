import { describe, expect, test } from 'vitest';
import { auditQuery, emptyAuditFilters } from './audit-query.ts';

describe('the audit log query', () => {
  test('leaves out empty filters', () => {
    expect(auditQuery(emptyAuditFilters)).toBe('');
    expect(auditQuery({ ...emptyAuditFilters, action: '  sign-in ' })).toBe('?action=sign-in');
  });

  test('sends picked days as the instants that bound them, in the browser’s time zone', () => {
    const query = new URLSearchParams(auditQuery({ ...emptyAuditFilters, from: '2026-03-01', to: '2026-03-31' }));
    expect(query.get('from')).toBe(new Date(2026, 2, 1, 0, 0, 0, 0).toISOString());
    expect(query.get('to')).toBe(new Date(2026, 2, 31, 23, 59, 59, 999).toISOString());
  });

  test('adds paging for the list but the export takes only the filters', () => {
    const filters = { ...emptyAuditFilters, outcome: 'denied', resourceType: 'user', actor: 'a@b.org' };
    expect(auditQuery(filters, { limit: 50, cursor: 'abc' })).toBe('?actor=a%40b.org&resourceType=user&outcome=denied&limit=50&cursor=abc');
    expect(auditQuery(filters)).toBe('?actor=a%40b.org&resourceType=user&outcome=denied');
  });
});
