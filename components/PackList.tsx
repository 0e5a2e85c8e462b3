import type { PackGroupView } from '@/utils/ui/pack-groups';

/** Built-in rule packs by country, each switchable. */
export function PackList({
  groups,
  onToggle,
}: {
  groups: PackGroupView[];
  onToggle: (packId: string, enabled: boolean) => void;
}) {
  return (
    <div class="packs">
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
                  aria-describedby={`pack-${p.id}-count`}
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
