/**
 * @module A small history router: the current path as React state, `navigate()`, and `<Link>`,
 * which stays a real link (middle-click, copy address) but navigates in place on a plain click.
 */
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent, type ReactElement } from 'react';

const CHANGE_EVENT = 'lantern:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
}

const readPath = (): string => window.location.pathname;

/** The current path (without query), re-rendering on navigation. */
export function usePath(): string {
  return useSyncExternalStore(subscribe, readPath, () => '/');
}

const readSearch = (): string => window.location.search;

/** The current query string (`?a=1`, or ''), re-rendering on navigation, so a page can keep its state in the address. */
export function useQueryString(): string {
  return useSyncExternalStore(subscribe, readSearch, () => '');
}

/** Goes to a path inside the app without reloading. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === window.location.pathname + window.location.search) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

export interface LinkProps extends AnchorHTMLAttributes<HTMLAnchorElement> {
  to: string;
}

/** A link to a page of the app. */
export function Link({ to, onClick, children, ...rest }: LinkProps): ReactElement {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>): void => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handleClick} {...rest}>{children}</a>;
}
