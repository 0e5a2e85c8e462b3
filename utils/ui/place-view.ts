/**
 * The welcome page's question "home or shared computer?": asked only when IT has not set shared-computer
 * mode; the answer shown is the one the person gave, or shared when the mode is already on.
 */
export type Place = 'home' | 'shared';

export interface PlaceView {
  /** IT set the mode: say so and do not ask ('on' / 'off'); null when the person may choose. */
  managed: 'on' | 'off' | null;
  /** The choice shown as selected (none until the person answers, unless the mode is on already). */
  selected: Place | null;
}

export function placeView(
  s: { sharedComputer: boolean; locked: readonly string[] },
  chosen: Place | null,
): PlaceView {
  if (s.locked.includes('sharedComputer'))
    return { managed: s.sharedComputer ? 'on' : 'off', selected: null };
  return { managed: null, selected: chosen ?? (s.sharedComputer ? 'shared' : null) };
}
