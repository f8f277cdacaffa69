/**
 * @module `/referral-link#<token>`: the page a partner without a Lantern login opens from a signed
 * link. The token stays in the address fragment, which browsers never send (no server log, no
 * Referer), and travels to the API in the `x-referral-link` header only. The page shows that one
 * referral's consented details and takes the partner's answer; it uses no signed-in session.
 */
import { useCallback, useMemo, useState, type ReactElement } from 'react';
import { useMessages } from '../../web/i18n.tsx';
import { ApiClient, ApiError } from '../../web/api.ts';
import { PageHeading } from '../../web/components/page-heading.tsx';
import { FormError, StatusMessage } from '../../web/components/form-fields.tsx';
import { describeError } from '../../web/error-messages.ts';
import { useLoad } from '../../web/admin/use-load.ts';
import type { Translate } from '../../platform/i18n/format.ts';
import type { PartnerReferralView } from './referral-ui-types.ts';
import { ReferralAnswer, type PartnerAnswerBody } from './referral-answer.tsx';

// The header src/refer/referral-schemas.ts names LINK_HEADER (that module is server code).
const LINK_HEADER = 'x-referral-link';

// Every refusal of a link reads the same on the server (invalid, expired, withdrawn); so here.
function describeLinkError(t: Translate, failure: unknown): string {
  return failure instanceof ApiError && failure.code === 'UNAUTHENTICATED' ? t('refer.link.invalid') : describeError(t, failure);
}

/** The page at `/referral-link`. */
export function ReferralLinkPage(): ReactElement {
  const { t } = useMessages();
  const token = useMemo(() => window.location.hash.slice(1), []);
  const api = useMemo(() => new ApiClient({ [LINK_HEADER]: token }), [token]);
  const referral = useLoad(useCallback(async () => {
    if (token === '') throw new ApiError(401, 'UNAUTHENTICATED', 'No link token.');
    return api.get<PartnerReferralView>('/api/referral-link');
  }, [api, token]));
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState<string>();

  const answer = async (body: PartnerAnswerBody): Promise<boolean> => {
    try {
      await api.post<PartnerReferralView>('/api/referral-link/status', body);
      setError(undefined);
      setStatus(t('refer.inbox.updated'));
      await referral.reload();
      return true;
    } catch (failure) {
      setStatus(undefined);
      setError(describeLinkError(t, failure));
      return false;
    }
  };

  const view = referral.data;
  const title = view ? t('refer.inbox.detailTitle', { service: view.serviceName }) : t('refer.link.title');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <FormError message={error ?? (referral.error ? describeLinkError(t, referral.error) : undefined)} />
      <StatusMessage message={status} />
      {view ? (
        <>
          <p className="lead">{t('refer.link.intro')}</p>
          <ReferralAnswer view={view} onAnswer={answer} />
        </>
      ) : referral.error ? null : <p className="loading">{t('app.loading')}</p>}
    </>
  );
}
