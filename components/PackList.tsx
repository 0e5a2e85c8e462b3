import type { PackGroupView } from '@/utils/ui/pack-groups';
import { LockNote } from './Setting';

/** Built-in rule packs by country, each switchable. */
export function PackList({
  groups,
  onToggle,
  locked,
  lockedText,
  onOnlyReason,
}: {
  groups: PackGroupView[];
  onToggle: (packId: string, enabled: boolean) => void;
  /** Set by IT policy: the switches are disabled and say so. */
  locked: boolean;
  lockedText: string;
  /** The id of a line that says why a pack may be switched on but not off (shared-computer mode). */
  onOnlyReason?: string | null;
}) {
  const held = (enabled: boolean) => !locked && !!onOnlyReason && enabled;
  return (
    <div class="packs">
      {locked && <LockNote id="packs-lock" text={lockedText} />}
      {groups.map((g) => (
        <fieldset key={g.id} data-country={g.id}>
          <legend>{g.title}</legend>
          {g.packs.map((p) => (
            <div class="setting toggle" key={p.id} data-pack={p.id}>
              <div class="control">
                <input
                  type="checkbox"
                  id={`pack-${p.id}`}
                  checked={p.enabled}
                  disabled={locked || held(p.enabled)}
                  aria-describedby={`pack-${p.id}-count${locked ? ' packs-lock' : ''}${held(p.enabled) ? ` ${onOnlyReason}` : ''}`}
                  onChange={(e) => onToggle(p.id, e.currentTarget.checked)}
                />
                <label for={`pack-${p.id}`}>{p.name}</label>
              </div>
              <p id={`pack-${p.id}-count`} class="help">
                {p.count}
              </p>
            </div>
          ))}
        </fieldset>
      ))}
    </div>
  );
}
