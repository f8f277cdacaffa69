/**
 * @module The daily reminder job: for every organization, each learner who is due soon or overdue
 * under a state rule gets one in-app reminder per rule, status and due date (never the same one
 * twice). It runs through the platform's job scheduler, so several processes run it once a day.
 * Email goes out only when the organization's admin configured SMTP (integration-settings.ts), in
 * the learner's language; a reminder whose email failed is tried again on the next days' runs for a
 * week. The in-app reminder is the record either way.
 */
import { randomUUID } from 'node:crypto';
import type { Platform } from '../platform/services.ts';
import type { OrgScope } from '../platform/db/scope.ts';
import { utcDay, type Job } from '../platform/jobs/scheduler.ts';
import { loadComplianceRules } from './compliance-rules.ts';
import { buildComplianceRows } from './compliance-report.ts';
import { listCompletions, listMembers, listProfiles } from './compliance-store.ts';
import type { ComplianceRule } from './compliance.ts';
import { smtpConnection, type SmtpConnection } from './integration-settings.ts';
import { reminderMessage, smtpMailer, type ReminderMailer } from './reminder-mail.ts';

export interface ReminderJobOptions {
  dueSoonDays?: number;
  /** Delivery over SMTP by default. */
  mailer?: ReminderMailer;
}

export interface ReminderRunResult { organizations: number; created: number; emailed: number; emailFailed: number; emailSkipped: number }

/** How long a reminder whose email could not be sent is tried again. */
const EMAIL_RETRY_DAYS = 7;

export const DEFAULT_DUE_SOON_DAYS = 60;

/** The scheduled job. */
export function learnRemindersJob(options: ReminderJobOptions = {}): Job {
  return {
    name: 'learn-reminders',
    periodOf: utcDay,
    run: (platform, { now }) => produceReminders(platform, now, options),
  };
}

/** Creates the reminders due today in every organization; returns counts (no personal data). */
export async function produceReminders(platform: Platform, now: Date, options: ReminderJobOptions = {}): Promise<ReminderRunResult> {
  const { rules } = await loadComplianceRules();
  const organizations = await platform.data.db.selectFrom('platform_organization').select('id').orderBy('id').execute();
  const total: ReminderRunResult = { organizations: organizations.length, created: 0, emailed: 0, emailFailed: 0, emailSkipped: 0 };
  for (const organization of organizations) {
    const scope = platform.scope(organization.id, { id: null, kind: 'system' });
    const created = await remindOrganization(scope, rules, utcDay(now), options.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS);
    total.created += created;
    const smtp = await smtpConnection(scope);
    if (!smtp) {
      total.emailSkipped += created;
      continue;
    }
    const mail = await emailReminders(platform, scope, smtp, options.mailer ?? smtpMailer, now);
    total.emailed += mail.emailed;
    total.emailFailed += mail.failed;
  }
  return total;
}

async function remindOrganization(scope: OrgScope, rules: ComplianceRule[], today: string, dueSoonDays: number): Promise<number> {
  const rows = buildComplianceRows({ members: await listMembers(scope), profiles: await listProfiles(scope), completions: await listCompletions(scope), rules, today, dueSoonDays });
  let created = 0;
  await scope.transaction(async (tx) => {
    for (const row of rows) {
      if (row.status !== 'due-soon' && row.status !== 'overdue') continue;
      if (!row.ruleId) continue;
      let query = tx.selectFrom('learn_reminder').select('id').where('user_id', '=', row.userId).where('rule_id', '=', row.ruleId).where('status', '=', row.status);
      query = row.dueDate === null ? query.where('due_date', 'is', null) : query.where('due_date', '=', row.dueDate);
      if (await query.executeTakeFirst()) continue;
      await tx.insert('learn_reminder', {
        id: randomUUID(), user_id: row.userId, rule_id: row.ruleId, status: row.status, due_date: row.dueDate,
        detail: JSON.stringify({ code: row.code, reason: row.reason }), created_at: new Date().toISOString(), emailed_at: null, dismissed_at: null,
      });
      created += 1;
    }
    if (created > 0) await tx.audit({ action: 'create', resourceType: 'learn-reminder', purpose: `${created} reminders` });
  });
  return created;
}

/**
 * Emails the open reminders of the last week not emailed yet, one message each. A failure is
 * counted on the organization's SMTP settings (no address or server reply is logged) and left for
 * the next run.
 */
async function emailReminders(platform: Platform, scope: OrgScope, smtp: SmtpConnection, mailer: ReminderMailer, now: Date): Promise<{ emailed: number; failed: number }> {
  const since = new Date(now.getTime() - EMAIL_RETRY_DAYS * 86_400_000).toISOString();
  const reminders = await scope.selectFrom('learn_reminder').select(['id', 'user_id', 'status', 'due_date'])
    .where('emailed_at', 'is', null).where('dismissed_at', 'is', null).where('created_at', '>=', since).orderBy('created_at').execute();
  if (reminders.length === 0) return { emailed: 0, failed: 0 };
  const users = new Map((await platform.data.db.selectFrom('platform_user').select(['id', 'email', 'locale', 'disabled'])
    .where('id', 'in', [...new Set(reminders.map((r) => r.user_id))]).execute()).map((u) => [u.id, u]));
  let emailed = 0;
  let failed = 0;
  for (const reminder of reminders) {
    const user = users.get(reminder.user_id);
    if (!user || user.disabled) continue;
    const status = reminder.status === 'overdue' ? 'overdue' : 'due-soon';
    try {
      await mailer(smtp, reminderMessage({ to: user.email, locale: user.locale, status, dueDate: reminder.due_date, publicUrl: platform.config.publicUrl }));
    } catch {
      failed += 1;
      await scope.updateTable('learn_smtp_settings').set((eb) => ({ failed_count: eb('failed_count', '+', 1) })).execute();
      continue;
    }
    await scope.updateTable('learn_reminder').set({ emailed_at: new Date().toISOString() }).where('id', '=', reminder.id).execute();
    emailed += 1;
  }
  return { emailed, failed };
}
