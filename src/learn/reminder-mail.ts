/**
 * @module Reminder email: the message in the learner's language from the catalogs (no PHI: only
 * that required training is due, the date and a link), and delivery over the organization's SMTP
 * server with nodemailer.
 */
import { matchLocale } from '../platform/i18n/catalogs.ts';
import { createTranslator } from '../platform/i18n/format.ts';
import type { SmtpConnection } from './integration-settings.ts';

export interface ReminderMessage { to: string; subject: string; text: string }

/** Sends one message; the default delivers over SMTP, tests may pass their own. */
export type ReminderMailer = (smtp: SmtpConnection, message: ReminderMessage) => Promise<void>;

/** The reminder for one learner in their language. */
export function reminderMessage(input: { to: string; locale: string; status: 'due-soon' | 'overdue'; dueDate: string | null; publicUrl: string }): ReminderMessage {
  const locale = matchLocale([input.locale]);
  const t = createTranslator(locale);
  const date = input.dueDate === null ? null
    : new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${input.dueDate}T00:00:00Z`));
  const due = date === null ? t('learn.reminderEmail.noDate')
    : input.status === 'overdue' ? t('learn.reminders.overdue', { date }) : t('learn.reminders.dueSoon', { date });
  return {
    to: input.to,
    subject: t('learn.reminderEmail.subject'),
    text: [due, t('learn.reminderEmail.open', { url: `${input.publicUrl}/learn` }), '', t('learn.reminderEmail.footer')].join('\n'),
  };
}

/** Delivers over the organization's SMTP server; a refused or unreachable server throws. */
export const smtpMailer: ReminderMailer = async (smtp, message) => {
  // Loaded on first use: a server that sends no mail does not hold nodemailer.
  const { default: nodemailer } = await import('nodemailer');
  const transport = nodemailer.createTransport({
    host: smtp.host, port: smtp.port, secure: smtp.secure,
    ...(smtp.username ? { auth: { user: smtp.username, pass: smtp.password ?? '' } } : {}),
    connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000,
  });
  try {
    await transport.sendMail({ from: smtp.from, to: message.to, subject: message.subject, text: message.text });
  } finally {
    transport.close();
  }
};
