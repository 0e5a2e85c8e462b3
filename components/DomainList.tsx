import { useState } from 'preact/hooks';
import { LockNote } from './Setting';

export interface DomainListText {
  heading: string;
  help: string;
  inputLabel: string;
  add: string;
  remove: string;
  removeFor: (domain: string) => string;
  none: string;
  managed: string;
}

export interface DomainListProps {
  text: DomainListText;
  /** The user's own domains (removable). */
  domains: string[];
  /** Domains set by IT policy (shown, locked). */
  policyDomains: string[];
  /** Result of the last add/remove in words; `error` marks the input invalid. */
  message: { text: string; error: boolean } | null;
  /** Set by IT policy: nothing can be added or removed here. */
  locked: boolean;
  /** False in shared-computer mode: domains can be added, not removed (no remove button). */
  removable?: boolean;
  /** Resolves true when the domain was stored (the field is then emptied). */
  onAdd: (input: string) => Promise<boolean>;
  onRemove: (domain: string) => void;
}

/** The user's own protected domains: add (validated by the background) and remove; policy ones locked. */
export function DomainList({
  text,
  domains,
  policyDomains,
  message,
  locked,
  removable = true,
  onAdd,
  onRemove,
}: DomainListProps) {
  const [input, setInput] = useState('');
  const submit = async (e: Event) => {
    e.preventDefault();
    if (await onAdd(input)) setInput('');
  };
  const error = message?.error === true;
  return (
    <section aria-labelledby="custom-title" class="domains">
      <h2 id="custom-title">{text.heading}</h2>
      <p id="custom-help" class="help">
        {text.help}
      </p>
      <form class="add-domain" onSubmit={submit}>
        <label for="custom-input">{text.inputLabel}</label>
        <div class="add-row">
          <input
            id="custom-input"
            type="text"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            value={input}
            disabled={locked}
            aria-invalid={error}
            aria-describedby={`custom-help${message ? ' custom-message' : ''}${locked ? ' custom-lock' : ''}`}
            onInput={(e) => setInput(e.currentTarget.value)}
          />
          <button type="submit" class="secondary" disabled={locked}>
            {text.add}
          </button>
        </div>
        {locked && <LockNote id="custom-lock" text={text.managed} />}
      </form>
      <p id="custom-message" class={error ? 'message error' : 'message'} role="status">
        {message?.text ?? ''}
      </p>
      <DomainItems
        text={text}
        domains={domains}
        policyDomains={policyDomains}
        locked={locked}
        removable={removable}
        onRemove={onRemove}
      />
    </section>
  );
}

/** The list of domains: IT's (locked), then the person's own, each with a remove button when `removable`. */
export function DomainItems({
  text,
  domains,
  policyDomains,
  locked,
  removable,
  onRemove,
}: Pick<DomainListProps, 'text' | 'domains' | 'policyDomains' | 'locked' | 'onRemove'> & {
  removable: boolean;
}) {
  if (domains.length === 0 && policyDomains.length === 0) return <p class="help">{text.none}</p>;
  return (
    <ul class="domain-list">
      {policyDomains.map((d) => (
        <li key={`policy-${d}`} data-domain={d} data-managed="true">
          <span class="domain">{d}</span>
          <LockNote id={`policy-${d}`} text={text.managed} />
        </li>
      ))}
      {domains.map((d) => (
        <li key={d} data-domain={d}>
          <span class="domain">{d}</span>
          {removable && (
            <button
              disabled={locked}
              type="button"
              class="secondary small"
              aria-label={text.removeFor(d)}
              onClick={() => onRemove(d)}
            >
              {text.remove}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
