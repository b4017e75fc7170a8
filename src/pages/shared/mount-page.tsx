/** Start-up shared by the popup, options and reader pages. */
import type { ComponentChild } from 'preact';
import { render } from 'preact';
import { PageErrorBoundary } from './PageErrorBoundary';

/**
 * Renders `app` into the page's `#app` element inside an error boundary and sets the window title.
 * The pages live exactly as long as their document, so the root is never unmounted.
 */
export function mountPage(title: string, app: ComponentChild): void {
  document.title = title;
  const root = document.getElementById('app');
  if (!root) throw new Error('Gloss: the page has no #app element');
  render(<PageErrorBoundary>{app}</PageErrorBoundary>, root);
}
