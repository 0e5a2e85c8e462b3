/**
 * #11 item 14 on the options page: in shared-computer mode the person may make the protection stricter, never
 * weaker, and the page shows it: checked clearing switches and enabled packs cannot be unchecked, custom
 * domains have no remove button, the grace cannot go above its current value; every bounded control is
 * described by the one reason line. (The background refuses the weakening anyway: shared-mode-guard.ts.)
 */
import { describe, expect, it } from 'vitest';
import { DomainItems } from '@/components/DomainList';
import { PackList } from '@/components/PackList';
import { FieldSetting, ToggleSetting } from '@/components/Setting';
import {
  GRACE_MAX_SECONDS,
  STRENGTHEN_ONLY_REASON_ID,
  strengthenOnlyView,
} from '@/entrypoints/options/strengthen-only';
import { STRENGTHEN_ONLY } from '@/utils/background/shared-mode-guard';
import { all, render } from './render';

const REASON = STRENGTHEN_ONLY_REASON_ID;

describe('strengthenOnlyView', () => {
  it('outside shared-computer mode nothing is bounded', () => {
    expect(strengthenOnlyView({ graceSeconds: 5, locked: [] }, [])).toEqual({
      reasonId: null,
      onOnly: {
        packs: false,
        optInPacks: false,
        clearHistory: false,
        clearDownloads: false,
        clearFormData: false,
      },
      canRemoveDomains: true,
      graceMax: GRACE_MAX_SECONDS,
    });
  });

  it('in shared-computer mode: switches on only, no removal, the grace no longer than it is', () => {
    expect(strengthenOnlyView({ graceSeconds: 5, locked: [] }, STRENGTHEN_ONLY)).toEqual({
      reasonId: REASON,
      onOnly: {
        packs: true,
        optInPacks: true,
        clearHistory: true,
        clearDownloads: true,
        clearFormData: true,
      },
      canRemoveDomains: false,
      graceMax: 5,
    });
  });

  it('a key IT locked is left to its lock', () => {
    const v = strengthenOnlyView(
      { graceSeconds: 5, locked: ['clearHistory', 'graceSeconds'] },
      STRENGTHEN_ONLY,
    );
    expect(v.onOnly.clearHistory).toBe(false);
    expect(v.graceMax).toBe(GRACE_MAX_SECONDS);
    expect(v.onOnly.clearDownloads).toBe(true);
    expect(v.reasonId).toBe(REASON);
  });
});

describe('ToggleSetting that may only be turned on', () => {
  const props = {
    id: 'x',
    label: 'Clear history',
    help: 'What it does',
    lockedText: 'Managed',
    locked: false,
  };
  const input = (checked: boolean) =>
    all(
      render(<ToggleSetting {...props} checked={checked} onOnlyReason={REASON} onChange={() => {}} />),
      (e) => e.tag === 'input',
    )[0]!;

  it('checked: disabled, and described by the reason line', () => {
    expect(input(true).props).toMatchObject({ disabled: true, 'aria-describedby': `x-help ${REASON}` });
  });

  it('unchecked: can be turned on', () => {
    expect(input(false).props).toMatchObject({ disabled: false, 'aria-describedby': 'x-help' });
  });
});

describe('PackList in shared-computer mode', () => {
  const groups = [
    {
      id: 'SE',
      title: 'Sweden',
      packs: [{ id: 'se-kommuner', name: 'Municipalities', count: 'Organisations: 290', enabled: true }],
    },
    {
      id: 'NO',
      title: 'Norway',
      packs: [{ id: 'no', name: 'Norway', count: 'Organisations: 4', enabled: false }],
    },
  ];
  it('an enabled pack cannot be switched off (and says why); a disabled one can be switched on', () => {
    const tree = render(
      <PackList
        groups={groups}
        locked={false}
        lockedText="Managed"
        onOnlyReason={REASON}
        onToggle={() => {}}
      />,
    );
    const inputs = all(tree, (e) => e.tag === 'input');
    expect(inputs.map((i) => [i.props.id, i.props.disabled, i.props['aria-describedby']])).toEqual([
      ['pack-se-kommuner', true, `pack-se-kommuner-count ${REASON}`],
      ['pack-no', false, 'pack-no-count'],
    ]);
  });
});

describe('custom domains in shared-computer mode', () => {
  const text = {
    heading: 'Your domains',
    help: 'Help',
    inputLabel: 'Domain',
    add: 'Add',
    remove: 'Remove',
    removeFor: (d: string) => `Remove ${d}`,
    none: 'None',
    managed: 'Managed',
  };
  const items = (removable: boolean) =>
    render(
      <DomainItems
        text={text}
        domains={['a.se', 'b.se']}
        policyDomains={[]}
        locked={false}
        removable={removable}
        onRemove={() => {}}
      />,
    );
  const buttons = (removable: boolean) => all(items(removable), (e) => e.tag === 'button');

  it('each domain listed, with no remove button', () => {
    expect(all(items(false), (e) => e.tag === 'li').map((li) => li.props['data-domain'])).toEqual([
      'a.se',
      'b.se',
    ]);
    expect(buttons(false)).toEqual([]);
  });

  it('outside the mode each domain has its remove button', () => {
    expect(buttons(true).map((b) => b.props['aria-label'])).toEqual(['Remove a.se', 'Remove b.se']);
  });
});

describe('a bounded field', () => {
  it('is described by the reason line (the grace input, whose max is its current value)', () => {
    const seen: string[] = [];
    render(
      <FieldSetting
        id="grace"
        label="Grace"
        help="Help"
        locked={false}
        lockedText="Managed"
        boundReason={REASON}
      >
        {(a) => {
          seen.push(a.describedBy);
          return null;
        }}
      </FieldSetting>,
    );
    expect(seen).toEqual([`grace-help ${REASON}`]);
  });
});
