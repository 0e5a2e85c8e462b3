import type { SessionLine } from '@/utils/ui/session-line';

export interface SessionItem {
  id: string;
  line: SessionLine;
  tabs: string;
}

export interface SessionListProps {
  title: string;
  sessions: SessionItem[];
  onlyThisSiteLabel: string;
  onOnlyThisSite: (groupId: string) => void;
  busy: boolean;
}

/** The protected sessions open now, each by its human name, with "Only this site" (described by that name). */
export function SessionList({ title, sessions, onlyThisSiteLabel, onOnlyThisSite, busy }: SessionListProps) {
  return (
    <section aria-labelledby="sessions-title">
      <h2 id="sessions-title">{title}</h2>
      <ul class="sessions">
        {sessions.map((s) => (
          <li key={s.id} data-group={s.id}>
            <p class="session-line" id={`session-${s.id}`}>
              <span class="session-name">{s.line.name}</span>
              {s.line.store && (
                <>
                  <span class="session-sep" aria-hidden="true">
                    {' — '}
                  </span>
                  <span class="session-store">{s.line.store}</span>
                </>
              )}
              <span class="session-sep" aria-hidden="true">
                {' — '}
              </span>
              <span class="session-where">{s.line.where}</span>
            </p>
            <p class="session-meta">{s.tabs}</p>
            <button
              type="button"
              class="secondary"
              disabled={busy}
              aria-describedby={`session-${s.id}`}
              onClick={() => onOnlyThisSite(s.id)}
            >
              {onlyThisSiteLabel}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
