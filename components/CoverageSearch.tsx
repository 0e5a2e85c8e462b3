import { useState } from 'preact/hooks';
import type { CoverageLine } from '@/utils/ui/coverage-text';

/**
 * "Is my service covered?": a search field and, in a live region, one line per answer. Presentational: the
 * page passes `answer`, which looks the query up with the settings in force and words it.
 */
export function CoverageSearch({
  text,
  answer,
}: {
  text: { heading: string; help: string; label: string };
  answer: (query: string) => CoverageLine[];
}) {
  const [query, setQuery] = useState('');
  const lines = answer(query);
  return (
    <section aria-labelledby="coverage-title" class="card coverage">
      <h2 id="coverage-title">{text.heading}</h2>
      <p id="coverage-help" class="help">
        {text.help}
      </p>
      <div class="coverage-field">
        <label for="coverage-input">{text.label}</label>
        <input
          id="coverage-input"
          type="search"
          autocomplete="off"
          spellcheck={false}
          aria-describedby="coverage-help"
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
      </div>
      <div aria-live="polite" class="coverage-answers">
        {lines.length > 0 && (
          <ul>
            {lines.map((l, i) => (
              <li key={`${i}-${l.text}`} data-tone={l.tone}>
                <span class="coverage-text">{l.text}</span>
                {l.help && <p class="help">{l.help}</p>}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
