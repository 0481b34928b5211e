// Event → wall in a real browser: the last hop the backend-side harness (wall-load) leaves out. Not a test and not
// run by the test suite: `java -jar local-exec.jar wall-browser …` (WallBrowserBenchmark) starts the system without
// simulated traffic and runs this with its settings; see docs/benchmarks.md.
//
// It opens WALLS kiosk walls, each in its own browser context (its own HTTP session, VaadinSession and push
// connection, as separate wall screens are), watches the "offered today" figure in each page with a
// MutationObserver, then posts one CALL_OFFERED at RATE a second for WARMUP + SECONDS. Nothing else posts calls, so
// the n-th call posted makes the count (base + n): the latency of call n on a wall is the time from the start of its
// POST until that wall's figure first reads at least base + n. Two times are taken in the page: when the DOM changed
// (the push message applied) and the next animation frame after it (the change is being painted). Node and Chromium
// read the same system clock (Date.now()).
//
// Environment: UI_URL, BACKEND_URL, KIOSK_TOKEN, CTI_TOKEN, and WALLS (3), RATE (20), SECONDS (60), WARMUP (10),
// CHROMIUM. Bounded: it posts (WARMUP + SECONDS) × RATE events and stops.
import { randomUUID } from 'node:crypto';
import { env, launchChromium } from './support.mjs';

const number = (name, fallback, max) => Math.min(max, Number(process.env[name] ?? fallback));
const walls = number('WALLS', 3, 20);
const rate = number('RATE', 20, 200);
const seconds = number('SECONDS', 60, 600);
const warmup = number('WARMUP', 10, 120);
const uiUrl = env('UI_URL');
const backendUrl = env('BACKEND_URL');
const ctiToken = env('CTI_TOKEN');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Records [domTime, paintTime, count] each time the wall's offered figure changes. */
const watchOffered = () => {
  const figure = document.getElementById('wall-offered');
  const read = () => Number(figure.textContent.replace(/\D/g, ''));
  window.__offered = [];
  new MutationObserver(() => {
    const dom = Date.now();
    const count = read();
    requestAnimationFrame(() => window.__offered.push([dom, Date.now(), count]));
  }).observe(figure, { childList: true, characterData: true, subtree: true });
  return read();
};

const percentile = (sorted, p) => sorted.length === 0 ? NaN
  : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

const summary = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 50)}  p90 ${percentile(sorted, 90)}  p99 ${percentile(sorted, 99)}  `
    + `max ${sorted.at(-1)}`;
};

const browser = await launchChromium();
try {
  const pages = [];
  for (let i = 0; i < walls; i++) {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    await page.goto(`${uiUrl}/wall?token=${encodeURIComponent(env('KIOSK_TOKEN'))}`);
    await page.waitForSelector('#wall-offered', { timeout: 60_000 });
    // the first frame may still be on its way: wait until the figure holds a number
    await page.waitForFunction(() => /\d/.test(document.getElementById('wall-offered').textContent),
      null, { timeout: 60_000 });
    pages.push(page);
  }
  const bases = await Promise.all(pages.map((page) => page.evaluate(watchOffered)));
  const base = bases[0];
  if (bases.some((b) => b !== base)) throw new Error(`the walls disagree before the run: ${bases}`);
  console.log(`${walls} walls open (offered today: ${base}); posting ${rate} calls/s for ${seconds} s `
    + `after ${warmup} s of warm-up`);

  const total = (warmup + seconds) * rate;
  const measuredFrom = warmup * rate + 1;
  const sentAt = new Array(total + 1);
  const run = randomUUID().slice(0, 8);
  const start = Date.now();
  for (let n = 1; n <= total; n++) {
    const wait = start + ((n - 1) * 1000) / rate - Date.now();
    if (wait > 0) await sleep(wait);
    const callId = `wall-browser-${run}-${n}`;
    sentAt[n] = Date.now();
    const response = await fetch(`${backendUrl}/api/v1/cti/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ctiToken}` },
      body: JSON.stringify([{ eventId: `${callId}-o`, type: 'CALL_OFFERED', callId, queue: 'GENERAL',
        occurredAt: new Date().toISOString() }]),
    });
    const answer = await response.json();
    if (!response.ok || answer.accepted !== 1) throw new Error(`CTI post ${n}: ${response.status} ${JSON.stringify(answer)}`);
  }
  const postingSeconds = (Date.now() - start) / 1000;
  await sleep(3_000);

  const dom = [];
  const paint = [];
  let missing = 0;
  for (const page of pages) {
    const seen = await page.evaluate(() => window.__offered);
    let next = 0;
    for (let n = measuredFrom; n <= total; n++) {
      while (next < seen.length && seen[next][2] < base + n) next++;
      if (next === seen.length) {
        missing++;
        continue;
      }
      dom.push(seen[next][0] - sentAt[n]);
      paint.push(seen[next][1] - sentAt[n]);
    }
  }
  const measured = total - measuredFrom + 1;
  console.log(`posted ${total} calls in ${postingSeconds.toFixed(1)} s; measured the last ${measured} on each of `
    + `${walls} walls: ${dom.length} deliveries, ${missing} not seen within 3 s after the run`);
  console.log(`event → DOM ms:   ${summary(dom)}`);
  console.log(`event → paint ms: ${summary(paint)}`);
  if (missing > 0 || dom.length === 0) process.exitCode = 1;
} finally {
  await browser.close();
}
