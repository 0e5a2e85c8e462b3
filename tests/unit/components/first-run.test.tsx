/** The welcome page's question and the options' list of what Safe Logout does not protect against. */
import { afterEach, describe, expect, it } from 'vitest';
import { NOT_PROTECTED, NotProtected } from '@/components/NotProtected';
import { PlaceChoice } from '@/components/PlaceChoice';
import { setLanguage } from '@/utils/i18n';
import { LANGUAGES } from '@/utils/languages';
import { all, render, text } from './render';

afterEach(() => setLanguage('auto'));

describe('NotProtected', () => {
  it.each(LANGUAGES)('%s: a heading and one item for each limit, the server-side session last', (lang) => {
    setLanguage(lang);
    const tree = render(<NotProtected />);
    const [h2] = all(tree, (e) => e.tag === 'h2');
    expect(h2!.props.id).toBe('limits-title');
    const items = all(tree, (e) => e.tag === 'li');
    expect(items).toHaveLength(NOT_PROTECTED.length);
    expect(new Set(items.map((li) => text([li]))).size).toBe(NOT_PROTECTED.length);
  });

  it('names the seven limits of issue #13', () => {
    setLanguage('en');
    const words = text(render(<NotProtected />));
    for (const w of [
      'Passwords',
      'Other browsers',
      'Downloads',
      'Keyloggers',
      'screen',
      'Printouts',
      'expires',
    ])
      expect(words).toContain(w);
  });
});

describe('PlaceChoice', () => {
  const props = {
    legend: 'Home or shared?',
    help: 'What it changes',
    labels: { home: 'Home', shared: 'Shared' },
  };

  it('two radios in one named group, described by the help; none checked until the person answers', () => {
    const tree = render(<PlaceChoice {...props} value={null} onChoose={() => {}} />);
    const [fieldset] = all(tree, (e) => e.tag === 'fieldset');
    expect(fieldset!.props['aria-describedby']).toBe('place-help');
    expect(text(all(tree, (e) => e.tag === 'legend'))).toBe('Home or shared?');
    const radios = all(tree, (e) => e.tag === 'input');
    expect(radios.map((r) => [r.props.value, r.props.checked, r.props.name])).toEqual([
      ['home', false, 'place'],
      ['shared', false, 'place'],
    ]);
  });

  it('choosing one reports it', () => {
    const chosen: string[] = [];
    const tree = render(<PlaceChoice {...props} value="shared" onChoose={(p) => chosen.push(p)} />);
    const radios = all(tree, (e) => e.tag === 'input');
    expect(radios.map((r) => r.props.checked)).toEqual([false, true]);
    (radios[0]!.props.onChange as () => void)();
    expect(chosen).toEqual(['home']);
  });
});
