import type { ComponentChildren } from 'preact';

export interface LockProps {
  /** Set by IT policy: the control is disabled and says so. */
  locked: boolean;
  lockedText: string;
}

/** "Managed by your organisation", with a lock, referenced by the control's aria-describedby. */
export function LockNote({ id, text }: { id: string; text: string }) {
  return (
    <p id={id} class="locked">
      <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path
          d="M4.5 7V5a3.5 3.5 0 0 1 7 0v2M3.5 7h9v7h-9z"
          fill="none"
          stroke="currentColor"
          stroke-width="1.6"
          stroke-linejoin="round"
        />
      </svg>{' '}
      {text}
    </p>
  );
}

/** A setting's help text and, when IT locked it, the lock note: the ids `describedBy` names. */
function HelpAndLock(p: LockProps & { id: string; help: string }) {
  return (
    <>
      <p id={`${p.id}-help`} class="help">
        {p.help}
      </p>
      {p.locked && <LockNote id={`${p.id}-lock`} text={p.lockedText} />}
    </>
  );
}

const describedBy = (id: string, locked: boolean, reasonId?: string | null) =>
  `${id}-help${locked ? ` ${id}-lock` : ''}${reasonId ? ` ${reasonId}` : ''}`;

/**
 * A checkbox setting: label, what it does, and the lock when IT policy set it. `onOnlyReason` (the id of a
 * line that says why) lets it be turned on but not off: once checked it is disabled and described by that line.
 */
export function ToggleSetting(
  p: LockProps & {
    id: string;
    label: string;
    help: string;
    checked: boolean;
    onOnlyReason?: string | null;
    onChange: (checked: boolean) => void;
  },
) {
  const held = !p.locked && !!p.onOnlyReason && p.checked;
  return (
    <div class="setting toggle" data-setting={p.id}>
      <div class="control">
        <input
          type="checkbox"
          id={p.id}
          checked={p.checked}
          disabled={p.locked || held}
          aria-describedby={describedBy(p.id, p.locked, held ? p.onOnlyReason : null)}
          onChange={(e) => p.onChange(e.currentTarget.checked)}
        />
        <label for={p.id}>{p.label}</label>
      </div>
      <HelpAndLock id={p.id} help={p.help} locked={p.locked} lockedText={p.lockedText} />
    </div>
  );
}

/** A labelled field (select, number…) with its help text and lock. `children` gets the ids to use. */
export function FieldSetting(
  p: LockProps & {
    id: string;
    label: string;
    help: string;
    /** The id of a line that bounds the field (what it may still be set to), added to its description. */
    boundReason?: string | null;
    children: (a: { id: string; describedBy: string; disabled: boolean }) => ComponentChildren;
  },
) {
  const reason = p.locked ? null : p.boundReason;
  return (
    <div class="setting field" data-setting={p.id}>
      <label for={p.id}>{p.label}</label>
      <div class="control">
        {p.children({ id: p.id, describedBy: describedBy(p.id, p.locked, reason), disabled: p.locked })}
      </div>
      <HelpAndLock id={p.id} help={p.help} locked={p.locked} lockedText={p.lockedText} />
    </div>
  );
}
