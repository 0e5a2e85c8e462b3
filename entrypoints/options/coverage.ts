/** The coverage search's answers for the settings the page shows, in the page's language. */
import { createCoverageLookup } from '@/utils/coverage-lookup';
import type { EffectiveSettings } from '@/utils/settings';
import { type CoverageLine, coverageLine } from '@/utils/ui/coverage-text';

export function coverageAnswer(s: EffectiveSettings): (query: string) => CoverageLine[] {
  const lookup = createCoverageLookup(s);
  return (query) => lookup(query).map(coverageLine);
}
