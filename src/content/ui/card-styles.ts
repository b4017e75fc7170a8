/**
 * The card's stylesheet, adopted into Gloss's closed shadow root: page CSS cannot reach in, and adopted
 * sheets apply under a page's strict `style-src` CSP in both browsers (a `<style>` element might not).
 */
import { NOTE_TINTS } from '../../shared/highlight-palette';

const swatches = Object.entries(NOTE_TINTS)
  .map(([c, [fill, line]]) => `[data-color="${c}"] { --swatch: ${fill}; --swatch-line: ${line}; }`)
  .join('\n');

export const CARD_CSS = `
:host { all: initial; position: fixed; inset: 0 auto auto 0; width: 0; height: 0; z-index: 2147483647; }
.gloss-card {
  --bg: #ffffff; --fg: #1f2328; --muted: #57606a; --line: #d0d7de; --accent: #4338ca; --quote: #f6f8fa;
  position: fixed; top: 0; left: 0; box-sizing: border-box; width: min(420px, calc(100vw - 16px));
  max-height: min(480px, calc(100vh - 16px)); overflow: auto; padding: 12px 14px 14px;
  background: var(--bg); color: var(--fg); border: 1px solid var(--line); border-radius: 10px;
  box-shadow: 0 8px 28px rgba(0, 0, 0, 0.18); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif;
  text-align: left; letter-spacing: normal; text-transform: none; white-space: normal; outline: none;
}
.gloss-card:focus-visible { box-shadow: 0 0 0 3px var(--accent), 0 8px 28px rgba(0, 0, 0, 0.18); }
@media (prefers-color-scheme: dark) {
  .gloss-card { --bg: #1c2128; --fg: #e6edf3; --muted: #9da7b3; --line: #3d444d; --accent: #a5b4fc; --quote: #262c36; }
}
.gloss-toolbar { display: flex; justify-content: flex-end; gap: 4px; margin: -4px -6px 0 0; float: right; }
.gloss-icon-button { all: unset; cursor: pointer; width: 28px; height: 28px; border-radius: 6px; text-align: center;
  line-height: 28px; color: var(--muted); font-size: 16px; }
.gloss-icon-button:hover { background: var(--quote); color: var(--fg); }
.gloss-icon-button:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.gloss-name { font-size: 17px; line-height: 1.3; margin: 0 0 2px; font-weight: 650; }
.gloss-type { margin: 0 0 6px; color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; }
.gloss-count { margin: 0 0 6px; color: var(--muted); font-size: 12px; }
.gloss-entity-page { margin: 8px 0 0; font-size: 13px; }
.gloss-description { margin: 0 0 10px; }
.gloss-section { font-size: 12px; font-weight: 650; margin: 12px 0 6px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.04em; }
.gloss-passages, .gloss-related, .gloss-links { list-style: none; margin: 0; padding: 0; }
.gloss-passage { margin: 0 0 10px; }
.gloss-quote { margin: 0; padding: 8px 10px; background: var(--quote); border-left: 3px solid var(--accent); border-radius: 4px; }
.gloss-quote[data-color] { border-left-color: var(--swatch-line); }
.gloss-quote strong { font-weight: 650; }
.gloss-attribution { margin: 4px 0 0; font-size: 12px; color: var(--muted); }
.gloss-attribution cite { font-style: italic; }
.gloss-card a, .gloss-link-button { color: var(--accent); }
.gloss-link-button { all: unset; cursor: pointer; text-decoration: underline; }
.gloss-link-button:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.gloss-related { display: flex; flex-wrap: wrap; gap: 6px; }
.gloss-chip { all: unset; cursor: pointer; padding: 2px 8px; border: 1px solid var(--line); border-radius: 999px; font-size: 12px; }
.gloss-chip:focus-visible { outline: 2px solid var(--accent); }
.gloss-status { margin: 8px 0; color: var(--muted); }
.gloss-block { display: block; }
${swatches}
.gloss-swatch { display: inline-block; width: 12px; height: 12px; border-radius: 3px; vertical-align: -1px;
  background: var(--swatch); box-shadow: inset 0 -2px 0 var(--swatch-line); }
.gloss-note-body { margin: 8px 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.gloss-note-date { margin: 4px 0 8px; font-size: 12px; color: var(--muted); }
.gloss-tags { list-style: none; margin: 4px 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px; }
.gloss-tag { padding: 1px 8px; border: 1px solid var(--line); border-radius: 999px; font-size: 12px; }
.gloss-actions { display: flex; gap: 8px; margin-top: 8px; flex-wrap: wrap; }
.gloss-button { all: unset; cursor: pointer; padding: 4px 12px; border: 1px solid var(--line); border-radius: 6px;
  font-size: 13px; color: var(--fg); background: var(--bg); }
.gloss-button:hover { background: var(--quote); }
.gloss-button:focus-visible, .gloss-textarea:focus-visible, .gloss-input:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.gloss-button[disabled] { opacity: 0.6; cursor: default; }
.gloss-primary { background: var(--accent); border-color: var(--accent); color: var(--bg); }
.gloss-primary:hover { background: var(--accent); opacity: 0.9; }
.gloss-editor { margin: 8px 0 0; }
.gloss-field { display: block; margin: 0 0 8px; }
.gloss-label { display: block; font-size: 12px; font-weight: 600; color: var(--muted); margin: 0 0 3px; padding: 0; }
.gloss-textarea, .gloss-input { box-sizing: border-box; width: 100%; font: inherit; color: var(--fg); background: var(--bg);
  border: 1px solid var(--line); border-radius: 6px; padding: 6px 8px; }
.gloss-textarea { resize: vertical; min-height: 72px; }
.gloss-hint { display: block; font-size: 12px; color: var(--muted); margin-top: 2px; }
.gloss-colours { border: 0; margin: 0 0 8px; padding: 0; display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
.gloss-colours legend { float: left; margin-right: 6px; }
.gloss-colour { display: inline-flex; }
.gloss-colour input { appearance: none; margin: 0; width: 22px; height: 22px; border-radius: 50%; cursor: pointer;
  background: var(--swatch); border: 2px solid var(--swatch-line); }
.gloss-colour input:checked { box-shadow: 0 0 0 2px var(--bg), 0 0 0 4px var(--fg); }
.gloss-colour input:focus-visible { outline: 2px solid var(--accent); outline-offset: 3px; }
.gloss-error { margin: 6px 0; color: #b42318; font-size: 13px; }
@media (prefers-color-scheme: dark) { .gloss-error { color: #fda29b; } }
.gloss-entity-notes { border-top: 1px solid var(--line); margin-top: 10px; padding-top: 2px; }
.gloss-note-list { list-style: none; margin: 0 0 8px; padding: 0; }
.gloss-note-item { margin: 0 0 10px; }
.gloss-adder { position: fixed; top: 0; left: 0; display: flex; gap: 6px; white-space: nowrap; }
.gloss-adder-button { all: unset; box-sizing: border-box; cursor: pointer; padding: 5px 12px;
  border-radius: 999px; background: #4338ca; color: #fff; font: 600 13px/1.2 system-ui, -apple-system, "Segoe UI", sans-serif;
  box-shadow: 0 4px 14px rgba(0, 0, 0, 0.25); white-space: nowrap; }
.gloss-adder-button:hover { background: #3730a3; }
.gloss-adder-button:focus-visible { outline: 3px solid #a5b4fc; outline-offset: 2px; }
.gloss-toast {
  --bg: #ffffff; --fg: #1f2328; --muted: #57606a; --line: #d0d7de; --accent: #4338ca; --quote: #f6f8fa;
  position: fixed; right: 16px; bottom: 16px; box-sizing: border-box; width: min(380px, calc(100vw - 32px));
  padding: 10px 12px; background: var(--bg); color: var(--fg); border: 1px solid var(--line); border-radius: 10px;
  box-shadow: 0 8px 28px rgba(0, 0, 0, 0.18); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif;
  text-align: left;
}
.gloss-toast-error { border-left: 4px solid #b42318; }
.gloss-toast-text { margin: 0; }
.gloss-toast-detail { margin: 4px 0 0; color: var(--muted); font-size: 13px; }
.gloss-toast .gloss-actions { align-items: center; }
.gloss-toast-dismiss { margin-left: auto; }
@media (prefers-color-scheme: dark) {
  .gloss-toast { --bg: #1c2128; --fg: #e6edf3; --muted: #9da7b3; --line: #3d444d; --accent: #a5b4fc; --quote: #262c36; }
}
.gloss-card.gloss-entity-form { top: auto; left: auto; right: 16px; bottom: 16px; max-height: calc(100vh - 32px); }
.gloss-check { display: flex; gap: 6px; align-items: center; font-size: 13px; }
.gloss-notices { margin: 0 0 8px; padding: 6px 10px; list-style: none; font-size: 12px; color: var(--muted);
  background: var(--quote); border-radius: 6px; }
.gloss-more { margin: 0 0 8px; }
`;
