// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { collectBlocks, locate, type TextBlock } from '../../../../src/content/scan/text-blocks';

function blocksOf(html: string): TextBlock[] {
  document.body.innerHTML = html;
  const out: TextBlock[] = [];
  collectBlocks(document.body, null, (b) => out.push(b));
  return out;
}

describe('collectBlocks', () => {
  it('joins text across inline elements and splits at block elements and <br>', () => {
    const blocks = blocksOf(
      '<p>Prime Minister <strong>Kishida</strong> <strong>Fumio</strong> said</p><div>next<br>line</div>',
    );
    expect(blocks.map((b) => b.text)).toEqual(['Prime Minister Kishida Fumio said', 'next', 'line']);
  });

  it('skips scripts, styles, form fields, code, hidden and editable regions', () => {
    const blocks = blocksOf(
      '<p>a</p><script>var x="Huawei"</script><style>.Huawei{}</style><textarea>Huawei</textarea>' +
        // happy-dom 18 loses a <select>'s nextSibling, so it sits in a wrapper here.
        '<input value="Huawei"><div><select><option>Huawei</option></select></div><code>LINE_MAX</code><pre>NEC</pre>' +
        '<div hidden>ZTE</div><div contenteditable="true">Quad</div><div contenteditable="false">b</div>' +
        '<template><p>NISC</p></template><noscript>JAXA</noscript>',
    );
    expect(blocks.map((b) => b.text)).toEqual(['a', 'b']);
  });

  it('skips Gloss own UI host', () => {
    document.body.innerHTML = '<p>kept</p><gloss-ui>ours</gloss-ui>';
    const own = document.querySelector('gloss-ui');
    const out: string[] = [];
    collectBlocks(document.body, own, (b) => out.push(b.text));
    expect(out).toEqual(['kept']);
  });

  it('maps block offsets back to text nodes', () => {
    const [block] = blocksOf('<p>ab<b>cd</b>ef</p>');
    expect(block).toBeDefined();
    const start = locate(block!, 2, false);
    const end = locate(block!, 4, true);
    expect(start.node.data).toBe('cd');
    expect(start.offset).toBe(0);
    expect(end.node.data).toBe('cd');
    expect(end.offset).toBe(2);
    expect(locate(block!, 5, false)).toMatchObject({ offset: 1 });
  });
});
