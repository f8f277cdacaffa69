/**
 * @module The shapes the Learn API answers with, as the web pages read them (the server's own
 * types, imported as types only, so no server code reaches the browser bundle).
 */
import type { CourseSummary, CourseView, Footnote, QuestionView } from '../course-render.ts';
import type { EnrolmentView, ProgressView } from '../enrolment-store.ts';
import type { AttemptResult, AttemptView } from '../attempt-store.ts';
import type { CertificateView } from '../certificate-store.ts';
import type { CaseChoiceResult, CheckResult } from '../course-answers.ts';
import type { ComplianceRow, ComplianceRowStatus, SeriesPoint } from '../compliance-report.ts';

export type { AttemptResult, CaseChoiceResult, CertificateView, CheckResult, ComplianceRow, ComplianceRowStatus, CourseSummary, CourseView, EnrolmentView, Footnote, ProgressView, QuestionView, SeriesPoint };

export interface EnrolmentDetail {
  enrolment: EnrolmentView;
  currentCourseVersion: string;
  progress: ProgressView;
  attempts: AttemptView[];
  attemptsLeft: number | null;
  certificate: CertificateView | null;
}

export interface StepAnswer<R> {
  result: R;
  progress: ProgressView;
}

export interface ReminderView {
  id: string;
  ruleId: string;
  status: 'due-soon' | 'overdue';
  dueDate: string | null;
  code: string;
  reason: string;
  createdAt: string;
}

export interface ComplianceReport {
  today: string;
  dueSoonDays: number;
  counts: Record<ComplianceRowStatus, number>;
  rows: ComplianceRow[];
}
