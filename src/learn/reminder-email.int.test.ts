/**
 * Reminder email through a real SMTP server (the `smtp-server` package) listening on 127.0.0.1:
 * the admin configures SMTP through the API, the daily job sends each due learner one message in
 * their language, with no PHI, and nothing is sent when SMTP is not configured.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { startTestLantern, type TestLantern } from '../../test/support/platform.ts';
import { bearer, givenOrganization, type TestOrganization } from '../../test/support/actors.ts';
import { produceReminders } from './reminder-job.ts';

interface Received { from: string; to: string[]; data: string; user: string | undefined }

/** A local SMTP server that requires a login and keeps every message it accepts. */
async function startSmtp(credentials: { user: string; pass: string }): Promise<{ port: number; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'], allowInsecureAuth: true, logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === credentials.user && auth.password === credentials.pass) callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString('utf8'), user: typeof session.user === 'string' ? session.user : undefined,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The decoded body of a quoted-printable text message. */
function bodyOf(data: string): string {
  const body = data.slice(data.indexOf('\r\n\r\n') + 4);
  return body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/[\u00C0-\u00FF][\u0080-\u00BF]+/g, (s) => Buffer.from(s, 'latin1').toString('utf8'));
}

/** A header, with RFC 2047 encoded words decoded. */
function headerOf(data: string, name: string): string {
  const head = data.slice(0, data.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
  const raw = new RegExp(`^${name}: (.*)$`, 'mi').exec(head)?.[1] ?? '';
  return raw.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_m, enc: string, text: string) => (enc.toUpperCase() === 'B'
    ? Buffer.from(text, 'base64').toString('utf8')
    : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8')));
}

const day = (offsetDays: number): string => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('reminder email over SMTP', () => {
  let lantern: TestLantern;
  let mailing: TestOrganization;
  let silent: TestOrganization;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;

  beforeAll(async () => {
    lantern = await startTestLantern();
    smtp = await startSmtp({ user: 'lantern', pass: 'smtp secret 7' });
    const db = lantern.platform.data.db;
    mailing = await givenOrganization(db, 'Mailing');
    silent = await givenOrganization(db, 'Silent');
    await db.updateTable('platform_user').set({ locale: 'es' }).where('id', '=', mailing.users.clinician.id).execute();
    const put = (token: string, payload: object) => lantern.app.inject({ method: 'PUT', url: '/api/learn/profile', headers: bearer(token), payload });
    // Michigan: one training before the next license renewal (content/compliance/rules.yaml).
    for (const org of [mailing, silent]) {
      expect((await put(org.users.learner.token, { profession: 'nurse', jurisdiction: 'US-MI', licenseRenewalDate: day(10) })).statusCode).toBe(200);
    }
    expect((await put(mailing.users.clinician.token, { profession: 'physician', jurisdiction: 'US-MI', licenseRenewalDate: day(-5) })).statusCode).toBe(200);
  });
  afterAll(async () => {
    await smtp?.close();
    await lantern?.close();
  });

  test('only admins set SMTP; the password is sealed, never returned, and bad settings are refused', async () => {
    const headers = bearer(mailing.users.admin.token);
    const url = '/api/learn/integrations/smtp';
    const payload = { host: '127.0.0.1', port: smtp.port, secure: false, username: 'lantern', password: 'smtp secret 7', from: 'training@clinic.example.org' };
    expect((await lantern.app.inject({ method: 'PUT', url, headers: bearer(mailing.users.educator.token), payload })).statusCode).toBe(403);
    const bad = await lantern.app.inject({ method: 'PUT', url, headers, payload: { ...payload, from: 'not an address' } });
    expect(bad.statusCode).toBe(400);
    expect((await lantern.app.inject({ method: 'PUT', url, headers, payload: { ...payload, port: 70000 } })).statusCode).toBe(400);
    expect((await lantern.app.inject({ method: 'PUT', url, headers, payload: { ...payload, password: undefined } })).statusCode).toBe(400);
    const saved = await lantern.app.inject({ method: 'PUT', url, headers, payload });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().smtp).toEqual({ host: '127.0.0.1', port: smtp.port, secure: false, username: 'lantern', hasPassword: true, from: 'training@clinic.example.org', failedCount: 0 });
    expect(saved.body).not.toContain('smtp secret 7');
    const row = await lantern.platform.data.db.selectFrom('learn_smtp_settings').select('password').where('organization_id', '=', mailing.organizationId).executeTakeFirstOrThrow();
    expect(row.password).not.toContain('smtp secret');
    const audit = await lantern.platform.data.db.selectFrom('platform_audit_event').select('resource_type')
      .where('organization_id', '=', mailing.organizationId).where('resource_type', '=', 'smtp-settings').execute();
    expect(audit).toHaveLength(1);
  });

  test('the job emails each due learner once, in their language, with no PHI; an organization without SMTP gets none', async () => {
    const run = await produceReminders(lantern.platform, new Date());
    expect(run.emailFailed).toBe(0);
    expect(run.emailed).toBe(2);
    expect(smtp.received.map((m) => m.to).sort()).toEqual([[mailing.users.clinician.email], [mailing.users.learner.email]].sort());
    expect(smtp.received.every((m) => m.from === 'training@clinic.example.org' && m.user === 'lantern')).toBe(true);
    expect(smtp.received.flatMap((m) => m.to)).not.toContain(silent.users.learner.email);

    const english = smtp.received.find((m) => m.to[0] === mailing.users.learner.email)!;
    expect(headerOf(english.data, 'Subject')).toBe('Training reminder');
    const englishBody = bodyOf(english.data);
    const due = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day(10)}T00:00:00Z`));
    expect(englishBody).toContain(`Your required training is due by ${due}.`);
    expect(englishBody).toContain(`${lantern.platform.config.publicUrl}/learn`);

    const spanish = smtp.received.find((m) => m.to[0] === mailing.users.clinician.email)!;
    expect(headerOf(spanish.data, 'Subject')).toBe('Recordatorio de formación');
    const overdue = new Intl.DateTimeFormat('es', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day(-5)}T00:00:00Z`));
    expect(bodyOf(spanish.data)).toContain(overdue);

    for (const message of smtp.received) {
      // No names, professions, license details or anything about patients: the date and a link only.
      expect(message.data).not.toMatch(/Test (learner|clinician)|nurse|physician|US-MI|Michigan|patient|screen/i);
    }

    const again = await produceReminders(lantern.platform, new Date());
    expect(again.emailed).toBe(0);
    expect(smtp.received).toHaveLength(2);
    const silentRows = await lantern.platform.data.db.selectFrom('learn_reminder').select('emailed_at').where('organization_id', '=', silent.organizationId).execute();
    expect(silentRows).toHaveLength(1);
    expect(silentRows[0]!.emailed_at).toBeNull();
  });

  test('a refused login is counted, not sent, and the reminder is tried again once SMTP works', async () => {
    const db = lantern.platform.data.db;
    const before = smtp.received.length;
    const headers = bearer(silent.users.admin.token);
    const payload = { host: '127.0.0.1', port: smtp.port, secure: false, username: 'lantern', password: 'wrong password', from: 'training@other.example.org' };
    expect((await lantern.app.inject({ method: 'PUT', url: '/api/learn/integrations/smtp', headers, payload })).statusCode).toBe(200);
    const failing = await produceReminders(lantern.platform, new Date());
    expect(failing.emailFailed).toBe(1);
    expect(smtp.received).toHaveLength(before);
    const settings = (await lantern.app.inject({ method: 'GET', url: '/api/learn/integrations', headers })).json();
    expect(settings.smtp.failedCount).toBe(1);

    expect((await lantern.app.inject({ method: 'PUT', url: '/api/learn/integrations/smtp', headers, payload: { ...payload, password: 'smtp secret 7' } })).statusCode).toBe(200);
    const fixed = await produceReminders(lantern.platform, new Date());
    expect(fixed.emailed).toBe(1);
    expect(smtp.received.at(-1)!.to).toEqual([silent.users.learner.email]);
    const row = await db.selectFrom('learn_reminder').select('emailed_at').where('organization_id', '=', silent.organizationId).executeTakeFirstOrThrow();
    expect(row.emailed_at).not.toBeNull();

    expect((await lantern.app.inject({ method: 'DELETE', url: '/api/learn/integrations/smtp', headers })).statusCode).toBe(204);
    expect((await lantern.app.inject({ method: 'GET', url: '/api/learn/integrations', headers })).json().smtp).toBeNull();
  });
});
