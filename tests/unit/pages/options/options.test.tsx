// @vitest-environment happy-dom
/** The options page against an in-memory `storage.sync` and a fake background. */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OptionsApp } from '../../../../src/pages/options/OptionsApp';
import { ENTITY_TYPES } from '../../../../src/shared/kb-types';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '../../../../src/shared/settings';
import { handlers, resetFakes, syncArea, writeSync } from '../../helpers/fake-browser';

vi.mock('../../../../src/platform/browser', async () => ({
  browser: (await import('../../helpers/fake-browser')).fakeBrowser,
}));

let root: HTMLElement;
const $ = <E extends Element = HTMLElement>(selector: string) => root.querySelector<E>(selector);
const stored = () => syncArea.get(SETTINGS_KEY) as Settings | undefined;

beforeEach(() => {
  resetFakes();
  handlers.set('listKb', () => ({
    entities: [
      { id: 'apt40', name: 'APT40', type: 'threat-actor' },
      { id: 'beca', name: 'BECA', type: 'agreement' },
    ],
    sources: [
      { id: 'src-a', title: 'Cyber Ties' },
      { id: 'src-b', title: 'Quad Tech' },
    ],
  }));
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
});

describe('options', () => {
  it('shows the stored settings and saves each change at once, confirming with "Saved"', async () => {
    render(<OptionsApp />, root);
    await vi.waitFor(() => expect($('input[name="highlightStyle"]')).not.toBeNull());
    expect($<HTMLInputElement>('input[value="background"]')!.checked).toBe(true);
    expect(root.querySelectorAll('input[name="enabledTypes"]:checked').length).toBe(ENTITY_TYPES.length);
    expect($('label:has(input[value="threat-actor"])')?.textContent).toBe('Threat actor');
    expect($<HTMLInputElement>('#hover-delay')!.value).toBe('300');
    expect($('output')?.textContent).toBe('300 ms');

    $<HTMLInputElement>('input[value="underline"]')!.click();
    await vi.waitFor(() => expect(stored()?.highlightStyle).toBe('underline'));
    await vi.waitFor(() => expect($('[aria-live="polite"]')?.textContent).toBe('Saved'));

    $<HTMLInputElement>('input[value="person"]')!.click();
    $<HTMLInputElement>('input[value="company"]')!.click();
    await vi.waitFor(() =>
      expect(stored()?.enabledTypes).toEqual(ENTITY_TYPES.filter((t) => t !== 'person' && t !== 'company')),
    );
    expect(stored()?.highlightStyle).toBe('underline');

    const slider = $<HTMLInputElement>('#hover-delay')!;
    slider.value = '800';
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    await vi.waitFor(() => expect($('output')?.textContent).toBe('800 ms'));
    expect(stored()?.hoverDelayMs).toBe(DEFAULT_SETTINGS.hoverDelayMs);
    slider.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(stored()?.hoverDelayMs).toBe(800));
  });

  it('reflects changes made elsewhere', async () => {
    render(<OptionsApp />, root);
    await vi.waitFor(() => expect($('input[name="highlightStyle"]')).not.toBeNull());
    writeSync({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, highlightStyle: 'both', enabledTypes: ['company'] } });
    await vi.waitFor(() => expect($<HTMLInputElement>('input[value="both"]')!.checked).toBe(true));
    expect(
      [...root.querySelectorAll<HTMLInputElement>('input[name="enabledTypes"]:checked')].map((i) => i.value),
    ).toEqual(['company']);
  });

  it('saves the name written into exports, tidied, once typing pauses, and shows "Saved" in its own section', async () => {
    render(<OptionsApp />, root);
    await vi.waitFor(() => expect($('#creator-name')).not.toBeNull());
    const field = $<HTMLInputElement>('#creator-name')!;
    expect(field.value).toBe('');
    expect($('label[for="creator-name"]')?.textContent).toBe('Your name in exports');
    expect(field.maxLength).toBe(100);
    expect(field.getAttribute('aria-describedby')).toBe('creator-name-hint');
    expect($('#creator-name-hint')?.textContent).toContain('Leave it empty to export without a name.');
    const status = (section: string) =>
      $(`section[aria-labelledby="${section}-heading"] [aria-live="polite"]`)?.textContent;
    const type = (text: string) => {
      field.value = text;
      field.dispatchEvent(new Event('input', { bubbles: true }));
    };

    // Typing: nothing saved at each key, the name once typing pauses; what is typed stays as typed.
    field.focus();
    type('  Aiko ');
    expect(stored()?.creatorName ?? '').toBe('');
    await vi.waitFor(() => expect(stored()?.creatorName).toBe('Aiko'));
    await vi.waitFor(() => expect(status('exports')).toBe('Saved'));
    expect(status('highlights')).toBe('');
    expect(field.value).toBe('  Aiko ');
    type('  Aiko   Tanaka ');
    // Leaving the field saves at once, and shows the name as saved.
    field.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(stored()?.creatorName).toBe('Aiko Tanaka'));
    expect(field.value).toBe('Aiko Tanaka');

    type('');
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await vi.waitFor(() => expect(stored()?.creatorName).toBe(''));
    expect(stored()?.highlightStyle).toBe(DEFAULT_SETTINGS.highlightStyle);
  });

  it('saves a name typed just before the page is left', async () => {
    render(<OptionsApp />, root);
    await vi.waitFor(() => expect($('#creator-name')).not.toBeNull());
    const field = $<HTMLInputElement>('#creator-name')!;
    field.value = 'Ravi Kumar';
    field.dispatchEvent(new Event('input', { bubbles: true }));
    window.dispatchEvent(new Event('pagehide'));
    await vi.waitFor(() => expect(stored()?.creatorName).toBe('Ravi Kumar'), { timeout: 300 });
  });

  it('lists the knowledge base with links into the reader', async () => {
    render(<OptionsApp />, root);
    await vi.waitFor(() => expect(root.querySelectorAll('.source-links a').length).toBe(2));
    const link = $<HTMLAnchorElement>('.source-links a')!;
    expect(link.textContent).toBe('Cyber Ties');
    expect(link.getAttribute('href')).toBe('reader.html?source=src-a');
    expect(root.textContent).toContain('Gloss knows 2 entities, described from 2 source articles.');
  });
});
