/**
 * @module Learn's integration tables, added to the platform's `Database` type: the LRS and SMTP
 * settings an admin configures (passwords sealed), the opaque learner id each learner has in xAPI
 * statements, and the outbox of statements waiting for the LRS.
 */

export interface LearnLrsSettingsTable {
  organization_id: string;
  /** The LRS's xAPI endpoint (statements go to `<endpoint>/statements`). */
  endpoint: string;
  username: string;
  /** Sealed (OrgScope.seal, row id = the organization id). */
  password: string;
  enabled: number;
  delivered_count: number;
  failed_count: number;
  /** A short code (`http-503`, `network`, `timeout`), never the LRS's reply. */
  last_failure: string | null;
  last_failure_at: string | null;
  updated_at: string;
}

export interface LearnSmtpSettingsTable {
  organization_id: string;
  host: string;
  port: number;
  /** 1: TLS from the start (port 465); 0: STARTTLS when the server offers it. */
  secure: number;
  username: string | null;
  /** Sealed (OrgScope.seal, row id = the organization id). */
  password: string | null;
  from_address: string;
  failed_count: number;
  updated_at: string;
}

export interface LearnXapiLearnerTable {
  organization_id: string;
  user_id: string;
  /** A random id: the only thing an LRS learns about the learner. */
  learner_id: string;
}

export interface LearnXapiOutboxTable {
  /** Also the statement id, so a retried statement is the same statement to the LRS. */
  id: string;
  organization_id: string;
  learner_id: string;
  /** JSON: the learning event (see xapi-statements.ts), built into a statement when sent. */
  event: string;
  occurred_at: string;
  attempts: number;
  next_attempt_at: string;
  sent_at: string | null;
}

declare module '../platform/db/schema.ts' {
  interface Database {
    learn_lrs_settings: LearnLrsSettingsTable;
    learn_smtp_settings: LearnSmtpSettingsTable;
    learn_xapi_learner: LearnXapiLearnerTable;
    learn_xapi_outbox: LearnXapiOutboxTable;
  }
}
