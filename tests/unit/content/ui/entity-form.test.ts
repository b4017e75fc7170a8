// @vitest-environment happy-dom
/**
 * "Make this an entity": the form starts with the selection tidied, shows the alias policy's verdicts as the
 * reader types, sends the EntityInput the background expects, keeps every field when creating fails, acts
 * only on the reader's own submit and closes with Escape, giving focus back to the page.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nameFromSelection, otherAliases } from '../../../../src/content/entities/entity-draft';
import { entityLabels } from '../../../../src/content/entities/entity-labels';
import { EntityMaker } from '../../../../src/content/entities/entity-maker';
import { LazyShadowHost } from '../../../../src/content/ui/shadow-host';
import { ToastController } from '../../../../src/content/ui/toast-controller';
import type { EntitySummary } from '../../../../src/shared/kb-types';
import type { EntityInput } from '../../../../src/shared/library/library-types';
import { err, ok, type Result } from '../../../../src/shared/result';

vi.mock('../../../../src/platform/browser', async () => ({
  browser: (await import('../../helpers/fake-browser')).fakeBrowser,
}));

const flush = () => new Promise((r) => setTimeout(r, 0));

function trusted<E extends Event>(e: E): E {
  Object.defineProperty(e, 'isTrusted', { value: true });
  return e;
}

let stop: AbortController;
let host: LazyShadowHost;
let create: ReturnType<typeof vi.fn<(entity: EntityInput) => Promise<Result<EntitySummary>>>>;
let maker: EntityMaker;

const form = () => host.get().query<HTMLFormElement>('form', 'form');
const field = <T extends HTMLElement>(name: string) => form()!.querySelector<T>(`[name="${name}"]`)!;
const toast = () => host.get().query<HTMLElement>('.gloss-toast', 'toast');
const notices = () => [...(form()?.querySelectorAll('.gloss-notices li') ?? [])].map((li) => li.textContent);

function type(name: string, value: string): void {
  const el = field<HTMLInputElement>(name);
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

const submit = (isTrusted: boolean) => {
  const e = new Event('submit', { bubbles: true, cancelable: true });
  form()!.dispatchEvent(isTrusted ? trusted(e) : e);
};

beforeEach(() => {
  stop = new AbortController();
  host = new LazyShadowHost(stop.signal);
  create = vi.fn();
  maker = new EntityMaker({
    host,
    labels: entityLabels,
    create,
    toast: new ToastController(host, () => 'Dismiss', stop.signal),
    signal: stop.signal,
  });
});
afterEach(() => {
  stop.abort();
  document.body.replaceChildren();
});

describe('the entity draft', () => {
  it('tidies the selection into a name of at most 200 characters', () => {
    expect(nameFromSelection('  Volt \n\t Typhoon  ')).toBe('Volt Typhoon');
    expect([...nameFromSelection('漢'.repeat(300))]).toHaveLength(200);
  });

  it('splits other names on ";" without empties or repeats of the name', () => {
    expect(
      otherAliases({ name: 'Volt Typhoon', aliases: ' Bronze Silhouette ;; volt typhoon; VANGUARD PANDA ;' }),
    ).toEqual(['Bronze Silhouette', 'VANGUARD PANDA']);
  });
});

describe('the entity form', () => {
  it('opens on the selection, sends the EntityInput, and confirms in a toast', async () => {
    const button = document.createElement('button');
    document.body.append(button);
    button.focus();
    maker.open('  Volt \n Typhoon ');
    expect(field<HTMLInputElement>('name').value).toBe('Volt Typhoon');
    await new Promise((r) => setTimeout(r, 50));
    // Focus is in the form (the page sees only the shadow host).
    expect(document.activeElement).toBe(host.element);
    type('description', 'A state-sponsored group.');
    type('aliases', 'Bronze Silhouette; VANGUARD PANDA');
    const select = field<HTMLSelectElement>('type');
    select.value = 'threat-actor';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    const check = field<HTMLInputElement>('matchCase');
    check.checked = true;
    check.dispatchEvent(new Event('change', { bubbles: true }));
    await flush();

    submit(false);
    await flush();
    expect(create).not.toHaveBeenCalled();

    create.mockResolvedValue(ok({ id: 'e-1', name: 'Volt Typhoon', type: 'threat-actor' }));
    submit(true);
    await flush();
    expect(create).toHaveBeenCalledWith({
      name: 'Volt Typhoon',
      type: 'threat-actor',
      description: 'A state-sponsored group.',
      aliases: [
        { text: 'Volt Typhoon', caseSensitive: true },
        { text: 'Bronze Silhouette' },
        { text: 'VANGUARD PANDA', caseSensitive: true },
      ],
      related: [],
      links: [],
    });
    await flush();
    expect(form()).toBeNull();
    expect(toast()?.textContent).toContain('Created “Volt Typhoon”. Gloss now highlights it on every page.');
    expect(document.activeElement).toBe(button);
  });

  it('keeps everything typed when the background refuses, and says why', async () => {
    maker.open('Cicada');
    type('description', 'Also APT10.');
    type('aliases', 'APT10');
    create.mockResolvedValue(err("alias 'APT10' already names Cicada (APT10)"));
    submit(true);
    await flush();
    await flush();
    expect(form()!.querySelector('[role="alert"]')?.textContent).toBe(
      "alias 'APT10' already names Cicada (APT10)",
    );
    expect(field<HTMLInputElement>('name').value).toBe('Cicada');
    expect(field<HTMLTextAreaElement>('description').value).toBe('Also APT10.');
    expect(field<HTMLInputElement>('aliases').value).toBe('APT10');
  });

  it('shows the alias policy live: a one-letter name is refused, a common word made case-sensitive', async () => {
    maker.open('Line');
    await flush();
    expect(notices()).toEqual(["treated 'Line' as case-sensitive because it is a common word"]);
    type('name', 'X');
    await flush();
    expect(notices()).toEqual(["alias 'X' is shorter than 2 characters"]);
    submit(true);
    await flush();
    expect(create).not.toHaveBeenCalled();
    expect(form()!.querySelector('[role="alert"]')?.textContent).toBe(
      "alias 'X' is shorter than 2 characters",
    );
  });

  it('closes on Escape without saving', async () => {
    maker.open('Cicada');
    field('name').dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(form()).toBeNull();
    expect(create).not.toHaveBeenCalled();
  });

  it('asks for a selection when there is none', () => {
    maker.open('   ');
    expect(form()).toBeNull();
    expect(toast()?.textContent).toContain('Select the name first');
  });
});
