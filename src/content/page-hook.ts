/**
 * Runs in the page's own JavaScript world at document_start (manifest `world: "MAIN"`), because only
 * there can Gloss hear of a shadow root being attached: `attachShadow` changes no DOM that a
 * MutationObserver could see. It wraps `Element.prototype.attachShadow` so that, for OPEN roots only,
 * the host receives a `gloss-shadow-root` event one microtask later; the content script (isolated world)
 * listens for it and starts watching the root. Closed roots are never announced. The wrapper returns
 * exactly what the original returns and lets errors through, so pages see no difference in behaviour.
 * Nothing here reads page content, and this file imports nothing.
 */
(() => {
  const proto = Element.prototype;
  const original = proto.attachShadow;
  if (typeof original !== 'function' || (original as { __glossWrapped?: boolean }).__glossWrapped) return;
  const wrapped = function (this: Element, init: ShadowRootInit): ShadowRoot {
    const root = original.call(this, init);
    if (init?.mode === 'open') {
      queueMicrotask(() =>
        this.dispatchEvent(new Event('gloss-shadow-root', { bubbles: true, composed: true })),
      );
    }
    return root;
  };
  Object.defineProperty(wrapped, '__glossWrapped', { value: true });
  Object.defineProperty(wrapped, 'name', { value: 'attachShadow' });
  proto.attachShadow = wrapped;
})();
