/**
 * Settings as the options page edits them: shown at once, saved in the background, one save at a time.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { loadSettings, onSettingsChanged, saveSettings } from '../../platform/settings-store';
import type { Settings } from '../../shared/settings';
import { errorText } from '../shared/error-text';

/** Where the latest save stands, for the "Saved" status line. */
export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'error'; error: string };

/** What the options page edits with. */
export interface SettingsEditor {
  /** `undefined` until the stored settings have been read. */
  settings: Settings | undefined;
  loadError: string;
  saveState: SaveState;
  /**
   * Shows a change immediately and saves it to `storage.sync`. Pass a function to derive the change from
   * the settings as they stand at that moment (toggling one item of a list), not as last rendered.
   */
  update: (change: Partial<Settings> | ((current: Settings) => Partial<Settings>)) => void;
}

/**
 * Saves are chained rather than run side by side: `saveSettings` reads, merges and writes, so two at once
 * could each write over the other's change. While saves are pending, `storage.onChanged` echoes of our own
 * earlier writes are ignored (they would briefly undo a later click); changes from elsewhere (another
 * options tab, another synced device) are shown as they arrive.
 */
export function useSettingsEditor(): SettingsEditor {
  const [settings, setSettingsState] = useState<Settings | undefined>();
  // The latest settings shown, readable synchronously: two changes in one tick must build on each other.
  const current = useRef<Settings | undefined>();
  const setSettings = useCallback((next: Settings) => {
    current.current = next;
    setSettingsState(next);
  }, []);
  const [loadError, setLoadError] = useState('');
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const pending = useRef(0);
  const chain = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    const controller = new AbortController();
    loadSettings().then(
      (loaded) => {
        if (!controller.signal.aborted) setSettings(loaded);
      },
      (e: unknown) => setLoadError(errorText(e)),
    );
    onSettingsChanged((changed) => {
      if (pending.current === 0) setSettings(changed);
    }, controller.signal);
    return () => controller.abort();
  }, [setSettings]);

  const update = useCallback(
    (change: Partial<Settings> | ((current: Settings) => Partial<Settings>)): void => {
      const base = current.current;
      if (!base) return;
      const patch = typeof change === 'function' ? change(base) : change;
      setSettings({ ...base, ...patch });
      setSaveState({ kind: 'saving' });
      pending.current++;
      chain.current = chain.current.then(async () => {
        try {
          const saved = await saveSettings(patch);
          if (--pending.current === 0) {
            setSettings(saved);
            setSaveState({ kind: 'saved' });
          }
        } catch (e) {
          pending.current--;
          setSaveState({ kind: 'error', error: errorText(e) });
          // Show what storage really holds, not the change that failed.
          const stored = await loadSettings().catch(() => undefined);
          if (stored && pending.current === 0) setSettings(stored);
        }
      });
    },
    [setSettings],
  );

  return { settings, loadError, saveState, update };
}
