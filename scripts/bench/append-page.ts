/**
 * The live-update scenario: a news-like page that appends 20 paragraphs every 200 ms, the way infinite
 * scroll and live blogs grow. The paragraphs are generated here (deterministically) and embedded in the
 * page, so the `?static` variant can serve the very same text already in place at load: what Gloss finds
 * there is the number of mentions the appended text really holds for Gloss's own rules.
 */

/** How the page grows: `appends` times, every `everyMs`, `perAppend` paragraphs at a time. */
export const APPEND_PLAN = { appends: 20, everyMs: 200, perAppend: 20 } as const;

/** User-timing marks the page sets around the appending, read back from the trace. */
export const APPEND_MARKS = { start: 'gloss-bench-append-start', end: 'gloss-bench-append-end' } as const;

const PLAIN = [
  'Officials said the review would take several months and involve agencies across the government.',
  'The ministry declined to comment on the details, citing the sensitivity of the ongoing investigation.',
  'Analysts expect the new rules to raise costs for operators of telecommunications networks in the region.',
  'Several universities have opened programmes that train engineers to defend industrial control systems.',
  'The report describes how attackers moved laterally through the network after stealing administrator passwords.',
  'Lawmakers in the upper house questioned whether the budget for the coming year was large enough.',
  'Critics argue that the guidelines leave too much to the discretion of individual companies.',
  'A spokesperson for the regulator said that consultations with industry would begin in the autumn.',
  'Investors reacted calmly, and shares of the largest network equipment makers closed almost unchanged.',
  'The incident was first noticed when staff found unfamiliar accounts on a server used for payroll.',
  'Diplomats describe the talks as frank, though neither side announced any concrete agreement.',
  'Researchers warned that many devices sold last year still ship with default credentials.',
  'The city council voted to move its records to a data centre operated by a domestic provider.',
  'Few details were released about the cost of the programme or how many people it would employ.',
  'Some of the stolen documents later appeared on a forum frequented by criminal groups.',
];

const NAMED = [
  'Britain decided to remove Huawei equipment from its 5G networks by 2027.',
  'Leaders of the Quad, India, Australia, Japan and the United States, met to discuss maritime security in the Indo-Pacific.',
  "Japan's NISC coordinates the government's response to cyberattacks on ministries and critical infrastructure.",
  'India and the United States signed BECA, a defence agreement on sharing geospatial intelligence.',
  'Prime Minister Fumio Kishida called for closer cooperation on cybersecurity with partners in the region.',
  'Symantec researchers linked the intrusions to a long-running espionage campaign.',
];

/** A small seeded generator, so every run (and the static variant) gets exactly the same text. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** The paragraphs to append, in order: `appends × perAppend` of about 550 characters each. */
export function appendedParagraphs(): string[] {
  const next = prng(20240428);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const out: string[] = [];
  for (let i = 0; i < APPEND_PLAN.appends * APPEND_PLAN.perAppend; i++) {
    const sentences = Array.from({ length: 5 }, () => pick(PLAIN));
    // About one paragraph in three names an entity, roughly what a policy news feed holds.
    if (next() < 0.34) sentences.splice(Math.floor(next() * 5), 1, pick(NAMED));
    out.push(sentences.join(' '));
  }
  return out;
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The page's own script: appends on request and reports what it added. */
const APPEND_SCRIPT = `
window.__glossBenchAppend = function (plan, marks) {
  var queue = JSON.parse(document.getElementById('queue').textContent);
  var feed = document.getElementById('feed');
  var done = 0, chars = 0;
  return new Promise(function (resolve) {
    performance.mark(marks.start);
    function tick() {
      var fragment = document.createDocumentFragment();
      for (var i = 0; i < plan.perAppend; i++) {
        var p = document.createElement('p');
        p.textContent = queue[done * plan.perAppend + i];
        chars += p.textContent.length;
        fragment.appendChild(p);
      }
      feed.appendChild(fragment);
      done++;
      if (done === plan.appends) {
        clearInterval(timer);
        performance.mark(marks.end);
        resolve({ appends: done, charsPerAppend: chars / done });
      }
    }
    var timer = setInterval(tick, plan.everyMs);
    tick();
  });
};`;

/** The HTML of the append page; with `isStatic`, every paragraph is already in place at load. */
export function appendPageHtml(isStatic: boolean): string {
  const paragraphs = appendedParagraphs();
  const intro = [
    'A live feed of cyber policy news from Asia. New items arrive below as they are published.',
    'Huawei and ZTE Corporation remain at the centre of debates on network security in several countries.',
    'Officials in Tokyo and New Delhi say cooperation on cybersecurity has deepened over the past decade.',
  ];
  const feed = isStatic ? paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n') : '';
  const queue = isStatic ? '' : JSON.stringify(paragraphs).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Live: cyber policy in Asia</title></head>
<body><main><h1>Live: cyber policy in Asia</h1>
${intro.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<article id="feed">${feed}</article></main>
<script type="application/json" id="queue">${queue}</script>
<script>${APPEND_SCRIPT}</script>
</body></html>`;
}
