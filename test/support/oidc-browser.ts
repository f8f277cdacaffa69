/**
 * @module Plays the browser in an OpenID Connect / OAuth authorization: follows the provider's
 * redirects with a cookie jar of its own and submits each interaction page's form (login, consent,
 * "Allow or Deny"), until the provider sends the browser back to the client. Used against real
 * `oidc-provider` servers (Lantern's SSO test provider and the test EHR's SMART server).
 */

/** The form fields to submit on an interaction page, chosen from its HTML. */
export type InteractionAnswer = (html: string) => Record<string, string>;

/**
 * Starts at `startUrl` and returns the first URL the provider redirects to on `clientOrigin` (the
 * redirect URI with `code` or `error`). Interaction pages are answered with `answer`'s fields, posted
 * to the page's form action; a page that is not a 200 with a form fails the call.
 */
export async function authorizeInBrowser(startUrl: string, clientOrigin: string, answer: InteractionAnswer): Promise<URL> {
  const jar = new Map<string, string>();
  let url = new URL(startUrl);
  let form: URLSearchParams | undefined;
  for (let hop = 0; hop < 20; hop += 1) {
    const res = await fetch(url, {
      method: form ? 'POST' : 'GET', redirect: 'manual',
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      ...(form ? { body: form.toString() } : {}),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    form = undefined;
    if (res.status >= 300 && res.status < 400) {
      url = new URL(res.headers.get('location')!, url);
      if (url.origin === clientOrigin) return url;
      continue;
    }
    const html = await res.text();
    if (res.status !== 200) throw new Error(`provider answered ${res.status}: ${html.slice(0, 300)}`);
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`unexpected provider page: ${html.slice(0, 300)}`);
    url = new URL(action.replace(/&amp;/g, '&'), url);
    form = new URLSearchParams(answer(html));
  }
  throw new Error('the provider never sent the browser back');
}
