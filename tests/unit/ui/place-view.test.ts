/** The welcome page asks "home or shared computer?" only when IT has not set shared-computer mode. */
import { describe, expect, it } from 'vitest';
import { placeView } from '@/utils/ui/place-view';

describe('placeView', () => {
  it('IT set the mode: says which, asks nothing', () => {
    expect(placeView({ sharedComputer: true, locked: ['sharedComputer'] }, null)).toEqual({
      managed: 'on',
      selected: null,
    });
    expect(
      placeView({ sharedComputer: false, locked: ['sharedComputer', 'graceSeconds'] }, 'shared'),
    ).toEqual({
      managed: 'off',
      selected: null,
    });
  });

  it('the person may choose: nothing selected until they answer, unless the mode is on already', () => {
    expect(placeView({ sharedComputer: false, locked: ['graceSeconds'] }, null)).toEqual({
      managed: null,
      selected: null,
    });
    expect(placeView({ sharedComputer: true, locked: [] }, null).selected).toBe('shared');
    expect(placeView({ sharedComputer: false, locked: [] }, 'home').selected).toBe('home');
  });
});
