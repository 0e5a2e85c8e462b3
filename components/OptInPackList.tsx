import type { PackGroupView } from '@/utils/ui/pack-groups';
import { LockNote } from './Setting';

/**
 * The logins used far beyond e-services (Microsoft, Google, Visma): off unless switched on here or by IT, with
 * a plain warning of what switching one on means.
 */
export function OptInPackList({
  group,
  warning,
  onToggle,
  locked,
  lockedText,
  onOnlyReason,
}: {
  group: PackGroupView;
  warning: string;
  onToggle: (packId: string, enabled: boolean) => void;
  /** Set by IT policy (`optInPacks` or lockSettings). */
  locked: boolean;
  lockedText: string;
  /** The id of a line that says why a pack may be switched on but not off (shared-computer mode). */
  onOnlyReason?: string | null;
}) {
  const held = (enabled: boolean) => !locked && !!onOnlyReason && enabled;
  return (
    <section aria-labelledby="opt-in-title" class="card opt-in">
      <h2 id="opt-in-title">{group.title}</h2>
      <p id="opt-in-warning" class="warning">
        {warning}
      </p>
      {locked && <LockNote id="opt-in-lock" text={lockedText} />}
      {group.packs.map((p) => (
        <div class="setting toggle" key={p.id} data-pack={p.id}>
          <div class="control">
            <input
              type="checkbox"
              id={`pack-${p.id}`}
              checked={p.enabled}
              disabled={locked || held(p.enabled)}
              aria-describedby={`opt-in-warning pack-${p.id}-count${locked ? ' opt-in-lock' : ''}${held(p.enabled) ? ` ${onOnlyReason}` : ''}`}
              onChange={(e) => onToggle(p.id, e.currentTarget.checked)}
            />
            <label for={`pack-${p.id}`}>{p.name}</label>
          </div>
          <p id={`pack-${p.id}-count`} class="help">
            {p.count}
          </p>
        </div>
      ))}
    </section>
  );
}
