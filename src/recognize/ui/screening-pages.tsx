/**
 * @module Recognize's pages in the web app: the clinician's screen (`/screening`) and the patient
 * self-screen on a handed-over device (`/self-screen`).
 */
import type { ReactElement } from 'react';
import { ScreeningFlow } from './screening-flow.tsx';
import './recognize.css';

/** The page at `/screening`. */
export function ScreeningPage(): ReactElement {
  return <ScreeningFlow mode="clinician" />;
}

/** The page at `/self-screen`. */
export function SelfScreenPage(): ReactElement {
  return <ScreeningFlow mode="self" />;
}
