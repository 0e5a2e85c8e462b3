import type { GroupSummary } from '@/utils/messages';

export interface SessionListProps {
  title: string;
  groups: GroupSummary[];
  tabsLabel: (n: number) => string;
  onlyThisSiteLabel: string;
  onOnlyThisSite: (groupId: string) => void;
  busy: boolean;
}

export function SessionList({
  title,
  groups,
  tabsLabel,
  onlyThisSiteLabel,
  onOnlyThisSite,
  busy,
}: SessionListProps) {
  return (
    <section aria-labelledby="sessions-title">
      <h2 id="sessions-title">{title}</h2>
      <ul class="sessions">
        {groups.map((g) => (
          <li key={g.id}>
            <div class="session-name">{g.labels.join(' + ')}</div>
            <div class="session-hosts">{g.hosts.join(', ')}</div>
            <div class="session-meta">{tabsLabel(g.tabCount)}</div>
            <button
              type="button"
              class="secondary"
              disabled={busy}
              aria-label={`${onlyThisSiteLabel}: ${g.labels.join(' + ')}`}
              onClick={() => onOnlyThisSite(g.id)}
            >
              {onlyThisSiteLabel}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
