/**
 * @module The daily reminder job: for every organization, each learner who is due soon or overdue
 * under a state rule gets one in-app reminder per rule, status and due date (never the same one
 * twice). It runs through the platform's job scheduler, so several processes run it once a day.
 * Email goes out only when the organization configured SMTP and a mailer is wired; otherwise it is
 * skipped (the in-app reminder is the record either way).
 */
import { randomUUID } from 'node:crypto';
import type { Platform } from '../platform/services.ts';
import type { OrgScope } from '../platform/db/scope.ts';
import { utcDay, type Job } from '../platform/jobs/scheduler.ts';
import { loadComplianceRules } from './compliance-rules.ts';
import { buildComplianceRows } from './compliance-report.ts';
import { listCompletions, listMembers, listProfiles } from './compliance-store.ts';
import type { ComplianceRule } from './compliance.ts';

/** Sends one reminder email; wired by whoever provides SMTP delivery. */
export type ReminderMailer = (message: { smtp: unknown; to: string; subject: string; text: string }) => Promise<void>;

export interface ReminderJobOptions {
  dueSoonDays?: number;
  mailer?: ReminderMailer;
}

export interface ReminderRunResult { organizations: number; created: number; emailed: number; emailSkipped: number }

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
  const organizations = await platform.data.db.selectFrom('platform_organization').select(['id', 'settings']).orderBy('id').execute();
  const total: ReminderRunResult = { organizations: organizations.length, created: 0, emailed: 0, emailSkipped: 0 };
  for (const organization of organizations) {
    const scope = platform.scope(organization.id, { id: null, kind: 'system' });
    const smtp = smtpOf(organization.settings);
    const result = await remindOrganization(scope, rules, utcDay(now), options.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS, smtp && options.mailer ? { smtp, mailer: options.mailer } : undefined);
    total.created += result.created;
    total.emailed += result.emailed;
    total.emailSkipped += result.emailSkipped;
  }
  return total;
}

async function remindOrganization(scope: OrgScope, rules: ComplianceRule[], today: string, dueSoonDays: number, email?: { smtp: unknown; mailer: ReminderMailer }): Promise<{ created: number; emailed: number; emailSkipped: number }> {
  const rows = buildComplianceRows({ members: await listMembers(scope), profiles: await listProfiles(scope), completions: await listCompletions(scope), rules, today, dueSoonDays });
  const outbox: { id: string; to: string; subject: string; text: string }[] = [];
  let created = 0;
  await scope.transaction(async (tx) => {
    for (const row of rows) {
      if (row.status !== 'due-soon' && row.status !== 'overdue') continue;
      if (!row.ruleId) continue;
      let query = tx.selectFrom('learn_reminder').select('id').where('user_id', '=', row.userId).where('rule_id', '=', row.ruleId).where('status', '=', row.status);
      query = row.dueDate === null ? query.where('due_date', 'is', null) : query.where('due_date', '=', row.dueDate);
      if (await query.executeTakeFirst()) continue;
      const id = randomUUID();
      await tx.insert('learn_reminder', {
        id, user_id: row.userId, rule_id: row.ruleId, status: row.status, due_date: row.dueDate,
        detail: JSON.stringify({ code: row.code, reason: row.reason }), created_at: new Date().toISOString(), emailed_at: null, dismissed_at: null,
      });
      created += 1;
      outbox.push({ id, to: row.email, subject: 'Training reminder', text: `Your human-trafficking training: ${row.reason}.` });
    }
    if (created > 0) await tx.audit({ action: 'create', resourceType: 'learn-reminder', purpose: `${created} reminders` });
  });
  let emailed = 0;
  if (email) {
    for (const { id, ...message } of outbox) {
      await email.mailer({ smtp: email.smtp, ...message });
      await scope.updateTable('learn_reminder').set({ emailed_at: new Date().toISOString() }).where('id', '=', id).execute();
      emailed += 1;
    }
  }
  return { created, emailed, emailSkipped: email ? 0 : outbox.length };
}

function smtpOf(settings: string): unknown {
  try {
    const parsed = JSON.parse(settings) as { smtp?: { host?: unknown } };
    return parsed.smtp && typeof parsed.smtp.host === 'string' && parsed.smtp.host ? parsed.smtp : undefined;
  } catch {
    return undefined;
  }
}
