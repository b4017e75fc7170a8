/**
 * Gloss's UI on a page lives in a closed shadow root, which Playwright's selectors cannot enter. Chromium's
 * accessibility tree does include it (it is what assistive technology reads), so an element of Gloss's UI is
 * found there, by its role and the start of its text, and measured with the DevTools protocol.
 */
import type { Page } from 'playwright-core';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface AXValue {
  value?: unknown;
}
interface AXNode {
  nodeId: string;
  parentId?: string;
  ignored?: boolean;
  role?: AXValue;
  name?: AXValue;
  backendDOMNodeId?: number;
}

const text = (v: AXValue | undefined): string => (typeof v?.value === 'string' ? v.value : '');

/**
 * The box of the nearest element with role `role` around the first text that starts with `start`, or
 * undefined when the page shows no such text.
 */
export async function boxAroundText(page: Page, role: string, start: string): Promise<Box | undefined> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    let node = nodes.find(
      (n) => !n.ignored && text(n.role) === 'StaticText' && text(n.name).startsWith(start),
    );
    while (node && text(node.role) !== role) node = node.parentId ? byId.get(node.parentId) : undefined;
    if (node?.backendDOMNodeId === undefined) return undefined;
    const { quads } = (await cdp.send('DOM.getContentQuads', { backendNodeId: node.backendDOMNodeId })) as {
      quads: number[][];
    };
    const q = quads[0];
    if (!q || q.length < 8) return undefined;
    const xs = [q[0], q[2], q[4], q[6]] as number[];
    const ys = [q[1], q[3], q[5], q[7]] as number[];
    const x = Math.min(...xs);
    const y = Math.min(...ys);
    return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
