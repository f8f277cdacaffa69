/**
 * @module The outside services an organization's admin may connect to Learn: a learning record
 * store for xAPI statements, and an SMTP server for reminder email. Passwords are sealed with the
 * organization's row id and never leave this module except to the sender that needs them.
 */
import type { Db, Tx } from '../platform/db/index.ts';
import type { OrgScope } from '../platform/db/scope.ts';
import type { Cipher } from '../platform/crypto/cipher.ts';
import { fieldContext } from '../platform/db/scope.ts';
import { invalid } from '../platform/http/errors.ts';
import { isLoopback } from '../platform/identity/sso-provider.ts';
import './integration-tables.ts';

export interface LrsSettingsView {
  endpoint: string;
  username: string;
  enabled: boolean;
  deliveredCount: number;
  failedCount: number;
  lastFailure: string | null;
  lastFailureAt: string | null;
  /** Statements waiting to be sent. */
  pending: number;
}

export interface SmtpSettingsView {
  host: string;
  port: number;
  secure: boolean;
  username: string | null;
  hasPassword: boolean;
  from: string;
  failedCount: number;
}

export interface LrsConnection { endpoint: string; username: string; password: string }
export interface SmtpConnection { host: string; port: number; secure: boolean; username: string | null; password: string | null; from: string }

const lrsPassword = (organizationId: string) => ({ table: 'learn_lrs_settings', column: 'password', rowId: organizationId });
const smtpPassword = (organizationId: string) => ({ table: 'learn_smtp_settings', column: 'password', rowId: organizationId });

/** An LRS endpoint: HTTPS, or plain HTTP only on this machine's loopback; no query or fragment. */
export function checkLrsEndpoint(endpoint: string): string {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw invalid('Enter the LRS endpoint as a full URL, such as https://lrs.example.org/xapi/.', 'endpoint');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url))) throw invalid('The LRS endpoint must use https://.', 'endpoint');
  if (url.search || url.hash || url.username || url.password) throw invalid('The LRS endpoint has no query, fragment or credentials in it.', 'endpoint');
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** Saves the LRS settings; the password is kept when none is given for an existing setting. */
export async function saveLrsSettings(scope: OrgScope, input: { endpoint: string; username: string; password?: string; enabled: boolean }): Promise<void> {
  const endpoint = checkLrsEndpoint(input.endpoint);
  await scope.transaction(async (tx) => {
    const existing = await tx.selectFrom('learn_lrs_settings').select('organization_id').executeTakeFirst();
    if (!existing && !input.password) throw invalid('Enter the password (secret) the LRS gave Lantern.', 'password');
    const at = new Date().toISOString();
    const change = {
      endpoint, username: input.username, enabled: input.enabled ? 1 : 0, updated_at: at,
      ...(input.password ? { password: tx.seal(input.password, lrsPassword(tx.organizationId)) } : {}),
    };
    if (existing) await tx.updateTable('learn_lrs_settings').set(change).execute();
    else await tx.insert('learn_lrs_settings', { ...change, password: change.password!, delivered_count: 0, failed_count: 0, last_failure: null, last_failure_at: null });
    await tx.audit({ action: 'update', resourceType: 'lrs-settings', resourceId: tx.organizationId });
  });
}

/** Removes the LRS settings and every statement still waiting for it. */
export async function removeLrsSettings(scope: OrgScope): Promise<boolean> {
  return scope.transaction(async (tx) => {
    const removed = Number((await tx.deleteFrom('learn_lrs_settings').executeTakeFirst()).numDeletedRows) > 0;
    await tx.deleteFrom('learn_xapi_outbox').where('sent_at', 'is', null).execute();
    if (removed) await tx.audit({ action: 'delete', resourceType: 'lrs-settings', resourceId: tx.organizationId });
    return removed;
  });
}

/** The LRS settings as the admin sees them (never the password). */
export async function describeLrsSettings(scope: OrgScope): Promise<LrsSettingsView | null> {
  const row = await scope.selectFrom('learn_lrs_settings').selectAll().executeTakeFirst();
  if (!row) return null;
  const pending = await scope.selectFrom('learn_xapi_outbox').select((eb) => eb.fn.countAll<string | number>().as('n')).where('sent_at', 'is', null).executeTakeFirstOrThrow();
  return {
    endpoint: row.endpoint, username: row.username, enabled: row.enabled === 1, deliveredCount: row.delivered_count, failedCount: row.failed_count,
    lastFailure: row.last_failure, lastFailureAt: row.last_failure_at, pending: Number(pending.n),
  };
}

/** True when the organization sends statements (so learning events are queued). */
export async function lrsEnabled(scope: OrgScope): Promise<boolean> {
  const row = await scope.selectFrom('learn_lrs_settings').select('enabled').executeTakeFirst();
  return row?.enabled === 1;
}

/** Every organization sending statements, with its credentials opened, for the delivery job. */
export async function enabledLrsConnections(db: Db | Tx, cipher: Cipher): Promise<(LrsConnection & { organizationId: string })[]> {
  const rows = await db.selectFrom('learn_lrs_settings').selectAll().where('enabled', '=', 1).orderBy('organization_id').execute();
  return rows.map((row) => ({
    organizationId: row.organization_id, endpoint: row.endpoint, username: row.username,
    password: cipher.open(row.password, fieldContext(row.organization_id, lrsPassword(row.organization_id))),
  }));
}

/** Saves the SMTP settings; the password is kept when none is given and the user name is unchanged. */
export async function saveSmtpSettings(scope: OrgScope, input: { host: string; port: number; secure: boolean; username?: string; password?: string; from: string }): Promise<void> {
  await scope.transaction(async (tx) => {
    const existing = await tx.selectFrom('learn_smtp_settings').select(['username', 'password']).executeTakeFirst();
    const username = input.username?.trim() || null;
    if (username && !input.password && !(existing?.password && existing.username === username)) throw invalid('Enter the password for this SMTP user.', 'password');
    const password = !username ? null : input.password ? tx.seal(input.password, smtpPassword(tx.organizationId)) : existing!.password;
    const row = { host: input.host, port: input.port, secure: input.secure ? 1 : 0, username, password, from_address: input.from, updated_at: new Date().toISOString() };
    if (existing) await tx.updateTable('learn_smtp_settings').set(row).execute();
    else await tx.insert('learn_smtp_settings', { ...row, failed_count: 0 });
    await tx.audit({ action: 'update', resourceType: 'smtp-settings', resourceId: tx.organizationId });
  });
}

/** Turns reminder email off. */
export async function removeSmtpSettings(scope: OrgScope): Promise<boolean> {
  return scope.transaction(async (tx) => {
    const removed = Number((await tx.deleteFrom('learn_smtp_settings').executeTakeFirst()).numDeletedRows) > 0;
    if (removed) await tx.audit({ action: 'delete', resourceType: 'smtp-settings', resourceId: tx.organizationId });
    return removed;
  });
}

/** The SMTP settings as the admin sees them (never the password). */
export async function describeSmtpSettings(scope: OrgScope): Promise<SmtpSettingsView | null> {
  const row = await scope.selectFrom('learn_smtp_settings').selectAll().executeTakeFirst();
  return row ? { host: row.host, port: row.port, secure: row.secure === 1, username: row.username, hasPassword: row.password !== null, from: row.from_address, failedCount: row.failed_count } : null;
}

/** The organization's SMTP connection with the password opened, or undefined when email is off. */
export async function smtpConnection(scope: OrgScope): Promise<SmtpConnection | undefined> {
  const row = await scope.selectFrom('learn_smtp_settings').selectAll().executeTakeFirst();
  if (!row) return undefined;
  return {
    host: row.host, port: row.port, secure: row.secure === 1, username: row.username, from: row.from_address,
    password: row.password === null ? null : scope.open(row.password, smtpPassword(scope.organizationId)),
  };
}
