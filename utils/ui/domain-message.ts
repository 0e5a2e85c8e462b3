/** The outcome of adding a domain, in words. Validation itself is the core's (utils/rules/validate-domain.ts). */
import type { AddDomainResult } from '../custom-domains';
import { type MessageKey, t } from '../i18n';
import type { DomainErrorCode, NoticeCode } from '../rules/validate-domain';

const ERRORS: Record<DomainErrorCode, MessageKey> = {
  empty: 'domErrEmpty',
  invalid: 'domErrInvalid',
  'ip-address': 'domErrIp',
  'public-suffix': 'domErrPublicSuffix',
  'shared-hosting': 'domErrSharedHosting',
  'single-label': 'domErrSingleLabel',
  'too-long': 'domErrTooLong',
  'wildcard-in-middle': 'domErrWildcard',
};

/** Notices that mean "you typed more than a domain; only the domain was kept". */
const TRIMMED: readonly NoticeCode[] = [
  'scheme-stripped',
  'credentials-stripped',
  'port-stripped',
  'path-stripped',
  'query-stripped',
  'fragment-stripped',
  'wildcard-normalised',
];

export function domainMessage(r: AddDomainResult): { text: string; error: boolean } {
  if (!r.ok)
    return r.error === 'shared-hosting'
      ? { text: t('domErrSharedHosting', r.detail ?? ''), error: true }
      : { text: t(ERRORS[r.error]), error: true };
  if (r.added === false) return { text: t('optCustomExists', r.domain), error: false };
  const parts = [t('optCustomAdded', r.domain)];
  if (r.notices.some((n) => TRIMMED.includes(n.code))) parts.push(t('optCustomOnlyDomain'));
  const tld = r.notices.find((n) => n.code === 'unknown-tld');
  if (tld) parts.push(t('optCustomUnknownTld', tld.detail ?? ''));
  return { text: parts.join(' '), error: false };
}
