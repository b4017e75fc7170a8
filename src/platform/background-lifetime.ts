/**
 * How this extension's background lives, by feature detection: Chrome runs it as a service worker, which
 * an open WebSocket with traffic keeps alive (Chrome 116+); Firefox runs an event page, unloaded after 30 s
 * without extension events whatever its sockets do, and kept awake by runtime messages.
 */
const scope = globalThis as { ServiceWorkerGlobalScope?: abstract new () => unknown };

/** Whether the background is a service worker (so live-channel traffic alone keeps it awake). */
export const isServiceWorkerBackground =
  typeof scope.ServiceWorkerGlobalScope === 'function' &&
  globalThis instanceof scope.ServiceWorkerGlobalScope;
