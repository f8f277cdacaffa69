/**
 * @module A page's one h1. When the page changes inside the app, focus moves to it, so screen
 * reader and keyboard users start at the top of the new page; the document title follows it.
 */
import { useEffect, useRef, type ReactElement, type ReactNode } from 'react';
import { useMessages } from '../i18n.tsx';

// The first page of a visit keeps the browser's natural focus order (skip link first).
let pagesShown = 0;

/** The page's heading; also sets the document title. */
export function PageHeading({ children, title }: { children: ReactNode; title: string }): ReactElement {
  const ref = useRef<HTMLHeadingElement>(null);
  const { t } = useMessages();
  useEffect(() => {
    document.title = t('app.documentTitle', { page: title });
  }, [t, title]);
  useEffect(() => {
    if (pagesShown > 0) ref.current?.focus();
    pagesShown += 1;
  }, []);
  return <h1 ref={ref} tabIndex={-1} id="page-title">{children}</h1>;
}
