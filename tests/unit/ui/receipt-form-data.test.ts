/** #11 item 7: the receipt says that form suggestions went, and since when, in every language. */
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '@/utils/i18n';
import { LANGUAGES } from '@/utils/languages';
import { receiptText } from '@/utils/ui/receipt-text';

afterEach(() => setLanguage('auto'));

describe('receipt words: form suggestions', () => {
  it.each(LANGUAGES)('%s: the form-data line names the time they went from', (lang) => {
    setLanguage(lang);
    const since = new Date(2026, 11, 6, 14, 5).getTime();
    const text = receiptText();
    const line = text.line({ kind: 'form-data', since, ok: true });
    expect(line.trim()).not.toBe('');
    expect(line).toMatch(/0?2\D05|14\D05/);
    expect(line).not.toContain('$');
    expect(text.check({ kind: 'form-data', since, ok: true })).not.toBeNull();
    expect(text.check({ kind: 'form-data', since, ok: false })).toBeNull();
  });
});
