import { describe, expect, it } from 'vitest';
import { PackList } from '@/components/PackList';
import { Receipt } from '@/components/Receipt';
import { SessionList } from '@/components/SessionList';
import { ToggleSetting } from '@/components/Setting';
import type { ReceiptText, ReceiptView } from '@/utils/ui/receipt-view';
import { all, render, text } from './render';

describe('ToggleSetting', () => {
  const props = {
    id: 'x',
    label: 'Clear history',
    help: 'What it does',
    checked: true,
    lockedText: 'Managed',
  };
  it('describes the control by its help text', () => {
    const tree = render(<ToggleSetting {...props} locked={false} onChange={() => {}} />);
    const [input] = all(tree, (e) => e.tag === 'input');
    expect(input!.props).toMatchObject({
      id: 'x',
      checked: true,
      disabled: false,
      'aria-describedby': 'x-help',
    });
    expect(text(tree)).not.toContain('Managed');
  });

  it('shows a policy-set value as locked: disabled, and says who manages it', () => {
    const tree = render(<ToggleSetting {...props} locked={true} onChange={() => {}} />);
    const [input] = all(tree, (e) => e.tag === 'input');
    expect(input!.props).toMatchObject({ disabled: true, 'aria-describedby': 'x-help x-lock' });
    const [lock] = all(tree, (e) => e.props.id === 'x-lock');
    expect(text(lock!)).toContain('Managed');
  });
});

describe('PackList', () => {
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
  it('one fieldset per country, a labelled switch per pack', () => {
    const tree = render(<PackList groups={groups} locked={false} lockedText="Managed" onToggle={() => {}} />);
    expect(all(tree, (e) => e.tag === 'legend').map(text)).toEqual(['Sweden', 'Norway']);
    const inputs = all(tree, (e) => e.tag === 'input');
    expect(inputs.map((i) => [i.props.id, i.props.checked, i.props.disabled])).toEqual([
      ['pack-se-kommuner', true, false],
      ['pack-no', false, false],
    ]);
    expect(all(tree, (e) => e.tag === 'label').map((l) => l.props.for)).toEqual([
      'pack-se-kommuner',
      'pack-no',
    ]);
  });

  it('locked by IT: every switch disabled and described by the lock note', () => {
    const tree = render(<PackList groups={groups} locked={true} lockedText="Managed" onToggle={() => {}} />);
    for (const i of all(tree, (e) => e.tag === 'input')) {
      expect(i.props.disabled).toBe(true);
      expect(String(i.props['aria-describedby'])).toContain('packs-lock');
    }
  });
});

describe('SessionList', () => {
  it('names each session; “Only this site” is described by that name', () => {
    let asked = '';
    const tree = render(
      <SessionList
        title="Protected sessions open now"
        sessions={[
          {
            id: 'g1',
            line: { name: 'Järfälla kommun', where: 'e-tjanster.jarfalla.se + login service' },
            tabs: 'Open tabs: 1',
          },
        ]}
        onlyThisSiteLabel="Only this site"
        onOnlyThisSite={(id) => {
          asked = id;
        }}
        busy={false}
      />,
    );
    const [line] = all(tree, (e) => e.props.id === 'session-g1');
    expect(text(line!)).toBe('Järfälla kommun — e-tjanster.jarfalla.se + login service');
    const [button] = all(tree, (e) => e.tag === 'button');
    expect(text(button!)).toBe('Only this site');
    expect(button!.props['aria-describedby']).toBe('session-g1');
    (button!.props.onClick as () => void)();
    expect(asked).toBe('g1');
  });
});

describe('Receipt', () => {
  const words: ReceiptText = {
    title: 'You are logged out',
    nothing: 'Nothing',
    sites: (s) => `Cleared: ${s}`,
    signedInThrough: (host, service) => `${host} via ${service}`,
    why: (trigger) => `Why: ${trigger}`,
    removedHeading: 'What was removed',
    line: (l) => ('n' in l ? `${l.kind}: ${l.n}` : l.kind),
    check: (l) => ('ok' in l && l.ok ? 'checked' : null),
    problemsHeading: 'What could not be removed',
    problem: (p) => p.kind,
    advice: (a) => `do ${a}`,
    verified: 'Verified.',
    leave: 'You can leave.',
  };
  const view: ReceiptView = {
    trigger: 'site-logout',
    sites: ['Järfälla kommun'],
    nothing: false,
    removed: [{ kind: 'cookies', n: 4, ok: true }, { kind: 'downloads-check' }],
    problems: [],
    advice: [],
    verified: true,
  };

  it('a verified receipt: title, sites, each line with its check, and that the person can leave', () => {
    const tree = render(<Receipt view={view} text={words} level={1} />);
    expect(text(all(tree, (e) => e.tag === 'h1'))).toContain('You are logged out');
    expect(all(tree, (e) => e.tag === 'li').map(text)).toEqual(['cookies: 4checked', 'downloads-check']);
    expect(text(tree)).toContain('Verified. You can leave.');
    expect(text(tree)).toContain('Why: site-logout');
    expect(all(tree, (e) => e.props['data-verified'] === 'true')).toHaveLength(1);
  });

  it('problems come with what to do, and the all-clear is not shown', () => {
    const tree = render(
      <Receipt
        view={{
          ...view,
          verified: false,
          problems: [{ kind: 'cookies-left', n: 1, sites: ['a.se'] }],
          advice: ['close-browser'],
        }}
        text={words}
      />,
    );
    expect(text(all(tree, (e) => e.tag === 'h3'))).toContain('What could not be removed');
    expect(text(tree)).toContain('do close-browser');
    expect(text(tree)).not.toContain('You can leave.');
  });
});
