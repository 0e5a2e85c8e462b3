import type { RuleMatch } from './types';

/**
 * Is the rule a login service (an identity provider or login broker, kind `idp`)? A login service names no
 * session of its own: it joins the group of whichever protected tab reaches it. The one place that knows
 * which kind that is.
 */
export const isLoginService = (m: Pick<RuleMatch, 'kind'> | null | undefined): boolean => m?.kind === 'idp';
