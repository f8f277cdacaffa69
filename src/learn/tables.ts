/**
 * @module Learn's tables, added to the platform's `Database` type (see platform/db/schema.ts).
 * Every row that records learning (a step, an attempt, a certificate) names the course version it
 * was made against, so a later edition of a course never rewrites what someone completed.
 */

/** A learner's place in one course: self-enrolled or assigned by an educator. */
export interface LearnEnrolmentTable {
  id: string;
  organization_id: string;
  user_id: string;
  course_id: string;
  /** The course version when the learner enrolled (attempts record their own). */
  course_version: string;
  language: string;
  /** Null when the learner enrolled themselves. */
  assigned_by: string | null;
  due_date: string | null;
  status: 'in-progress' | 'passed' | 'failed';
  /** The last step saved, so any device resumes where the learner stopped. */
  last_step: string | null;
  created_at: string;
  updated_at: string;
  completed_at: string | null;
}

/** One step a learner took: a lesson viewed, a check answered, a case choice made. */
export interface LearnStepTable {
  id: string;
  organization_id: string;
  enrolment_id: string;
  /** `lesson:<module>/<lesson>`, `check:<module>/<question>`, `case:<case>/<scene>`. */
  step_key: string;
  kind: 'lesson' | 'check' | 'case';
  course_version: string;
  /** JSON: the chosen option ids or choice id (null for a lesson). */
  answer: string | null;
  /** 1/0 for a check; null otherwise. */
  correct: number | null;
  at: string;
}

/** A final-assessment attempt. */
export interface LearnAttemptTable {
  id: string;
  organization_id: string;
  enrolment_id: string;
  user_id: string;
  course_id: string;
  course_version: string;
  number: number;
  /** JSON: `{ [questionId]: optionIds[] }`. */
  answers: string;
  /** Percent correct, 0–100. */
  score: number;
  pass_mark: number;
  passed: number;
  submitted_at: string;
}

/** A certificate, with what it says frozen as printed. */
export interface LearnCertificateTable {
  id: string;
  organization_id: string;
  user_id: string;
  enrolment_id: string;
  attempt_id: string;
  /** SHA-256 of the verification code: the public page looks certificates up by it. */
  code_hash: string;
  /** The code itself, sealed, to print it again. */
  code: string;
  course_id: string;
  course_version: string;
  course_title: string;
  ce_hours: number;
  learner_name: string;
  organization_name: string;
  language: string;
  issued_at: string;
  revoked_at: string | null;
  revoked_by: string | null;
  revoked_reason: string | null;
}

/** What a learner says about their license, for the state training mandates. */
export interface LearnProfileTable {
  organization_id: string;
  user_id: string;
  facility_id: string | null;
  profession: string;
  /** ISO 3166-2, e.g. US-TX. */
  jurisdiction: string;
  license_renewal_date: string | null;
  license_issued_date: string | null;
  updated_at: string;
}

/** An in-app reminder the scheduled job produced. */
export interface LearnReminderTable {
  id: string;
  organization_id: string;
  user_id: string;
  /** The compliance rule behind it. */
  rule_id: string;
  status: 'due-soon' | 'overdue';
  due_date: string | null;
  /** JSON: `{ code, reason }` for the UI to word. */
  detail: string;
  created_at: string;
  emailed_at: string | null;
  dismissed_at: string | null;
}

declare module '../platform/db/schema.ts' {
  interface Database {
    learn_enrolment: LearnEnrolmentTable;
    learn_step: LearnStepTable;
    learn_attempt: LearnAttemptTable;
    learn_certificate: LearnCertificateTable;
    learn_profile: LearnProfileTable;
    learn_reminder: LearnReminderTable;
  }
}
