/** The presentational parts of #12: the opt-in login packs and the popup's site status. */
import { describe, expect, it } from 'vitest';
import { OptInPackList } from '@/components/OptInPackList';
import { SiteChange, SiteStatus } from '@/components/SiteStatus';
import { all, render, text } from './render';

describe('OptInPackList', () => {
  const group = {
    id: 'opt-in',
    title: 'Logins used far beyond e-services (off by default)',
    packs: [
      { id: 'login-microsoft', name: 'Microsoft login', count: 'Organisations: 2', enabled: false },
      { id: 'login-google', name: 'Google login', count: 'Organisations: 1', enabled: true },
    ],
  };
  const inputs = (tree: ReturnType<typeof render>) => all(tree, (e) => e.tag === 'input');

  it('each switch is described by the warning; off ones can be switched on', () => {
    const tree = render(
      <OptInPackList
        group={group}
        warning="Signs you out"
        locked={false}
        lockedText="Managed"
        onToggle={() => {}}
      />,
    );
    expect(text(tree)).toContain('Signs you out');
    expect(inputs(tree).map((i) => [i.props.checked, i.props.disabled, i.props['aria-describedby']])).toEqual(
      [
        [false, false, 'opt-in-warning pack-login-microsoft-count'],
        [true, false, 'opt-in-warning pack-login-google-count'],
      ],
    );
  });

  it('set by IT: every switch disabled and described by the lock', () => {
    const tree = render(
      <OptInPackList group={group} warning="w" locked={true} lockedText="Managed" onToggle={() => {}} />,
    );
    expect(inputs(tree).every((i) => i.props.disabled === true)).toBe(true);
    expect(String(inputs(tree)[0]!.props['aria-describedby'])).toContain('opt-in-lock');
    expect(text(all(tree, (e) => e.props.id === 'opt-in-lock'))).toContain('Managed');
  });

  it('shared-computer mode: an opt-in pack that is on stays on', () => {
    const tree = render(
      <OptInPackList
        group={group}
        warning="w"
        locked={false}
        lockedText="Managed"
        onOnlyReason="strengthen-only"
        onToggle={() => {}}
      />,
    );
    expect(inputs(tree).map((i) => i.props.disabled)).toEqual([false, true]);
    expect(String(inputs(tree)[1]!.props['aria-describedby'])).toContain('strengthen-only');
  });
});

describe('SiteStatus', () => {
  const base = { host: 'minasidor.okand.se', title: 'This site is not protected', protected: false };
  it('offers the button only with a domain to add, described by what it does', () => {
    const offered = render(
      <SiteStatus
        view={{ ...base, detail: 'Adds okand.se', protectDomain: 'okand.se' }}
        protectLabel="Protect this site"
        busy={false}
        onProtect={() => {}}
      />,
    );
    const [button] = all(offered, (e) => e.tag === 'button');
    expect(button!.props).toMatchObject({ id: 'protect-site', 'aria-describedby': 'site-detail' });
    const locked = render(
      <SiteStatus
        view={{ ...base, detail: 'IT locked it', protectDomain: null }}
        protectLabel="Protect this site"
        busy={false}
        onProtect={() => {}}
      />,
    );
    expect(all(locked, (e) => e.tag === 'button')).toEqual([]);
    expect(text(locked)).toContain('IT locked it');
  });

  it('Undo only while it can undo', () => {
    expect(
      all(
        render(<SiteChange text="now protected" undoLabel="Undo" onUndo={() => {}} />),
        (e) => e.tag === 'button',
      ),
    ).toHaveLength(1);
    expect(
      all(render(<SiteChange text="stays" undoLabel="Undo" onUndo={null} />), (e) => e.tag === 'button'),
    ).toEqual([]);
  });
});
