// The wall in a real browser: it opens with the kiosk token, shows live numbers and follows CTI events posted while
// it is open; the ticket board's countdowns tick in the browser; the hotspots panel shows the spike seeded here as the
// hotspots API judges it; nothing overflows a 1080p or a 4K screen; no phone number is on it; and with the backend
// stopped underneath it says so, then recovers when the backend is back.
// Run by WallBrowserSystemTests with the system already started; exits non-zero on failure.
//
// Environment: UI_URL, BACKEND_URL, CONTROL_URL (SystemControl: stop/start one app), KIOSK_TOKEN, bearer tokens
// CTI_TOKEN (the telephone platform), AGENT_TOKEN, DISPATCHER_TOKEN, SUPERVISOR_TOKEN, DIRECTOR_TOKEN,
// SCREENSHOT_DIR, CHROMIUM (path of Debian's chromium).
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import assert from 'node:assert/strict';
import { env, launchChromium } from './support.mjs';

const uiUrl = env('UI_URL');
const backendUrl = env('BACKEND_URL');
const screenshots = env('SCREENSHOT_DIR');
mkdirSync(screenshots, { recursive: true });

const CITIZEN_PHONE = '13700001234';
const CALLER_PHONE = '13912345678';
/** The stream must be down this long before the wall says so (LiveWall.STALE_AFTER). */
const STALE_AFTER_MS = 5_000;
/** What the wall may add to that: coalescing (250 ms) and the push to the browser. */
const STALE_SLACK_MS = 1_000;

const http = async (method, url, token, body, expected = [200, 201]) => {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  assert.ok(expected.includes(response.status), `${method} ${url} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : null;
};

const postCalls = async (count) => {
  const now = Date.now();
  const events = [];
  for (let i = 0; i < count; i++) {
    const callId = randomUUID();
    events.push({ eventId: `${callId}-o`, type: 'CALL_OFFERED', callId, queue: i % 2 ? 'ENTERPRISE' : 'GENERAL',
      occurredAt: new Date(now - 30_000).toISOString(), callerNumber: CALLER_PHONE });
    events.push({ eventId: `${callId}-a`, type: 'CALL_ANSWERED', callId, queue: i % 2 ? 'ENTERPRISE' : 'GENERAL',
      occurredAt: new Date(now - 20_000).toISOString(), agentId: 'A99' });
  }
  const result = await http('POST', `${backendUrl}/api/v1/cti/events`, env('CTI_TOKEN'), events);
  assert.equal(result.accepted, events.length, JSON.stringify(result));
};

/** Tickets with running clocks (the nearest deadlines), one tagged for clear-to-zero, a director on shift. */
const seedTicketBoard = async () => {
  const units = await http('GET', `${backendUrl}/api/v1/org/units`, env('DISPATCHER_TOKEN'));
  const grid = units.find((u) => u.code === 'T01-G01');
  assert.ok(grid, 'no demo grid T01-G01');
  const ids = [];
  for (const title of ['路灯不亮', '井盖缺失', '占道经营']) {
    const created = await http('POST', `${backendUrl}/api/v1/intake`, env('AGENT_TOKEN'), {
      channel: 'HOTLINE', title, content: `${title}，请尽快处理`, citizen: { name: '王五', phone: CITIZEN_PHONE },
      location: grid.name,
    });
    const id = created.ticket.id;
    await http('POST', `${backendUrl}/api/v1/tickets/${id}/submit`, env('AGENT_TOKEN'), {});
    await http('POST', `${backendUrl}/api/v1/tickets/${id}/dispatch`, env('DISPATCHER_TOKEN'),
      { unitId: grid.parentId, gridId: grid.id, note: 'wall browser test' });
    ids.push(id);
  }
  await http('POST', `${backendUrl}/api/v1/tickets/${ids[0]}/tags`, env('AGENT_TOKEN'),
    { tag: 'PROMISED', reason: '承诺今日回复' });
  const director = JSON.parse(Buffer.from(env('DIRECTOR_TOKEN').split('.')[1], 'base64url').toString()).sub;
  await http('POST', `${backendUrl}/api/v1/shifts`, env('SUPERVISOR_TOKEN'), {
    directorId: director, unitId: grid.parentId, seat: 'A1',
    startsAt: new Date(Date.now() - 60_000).toISOString(), endsAt: new Date(Date.now() + 3 * 3600_000).toISOString(),
  });
};

/** The category and the count of the spike seeded here; nothing in the fresh system has a history for it. */
const HOTSPOT_CATEGORY = { code: '0204', name: '垃圾清运' };
const HOTSPOT_TICKETS = 9;
/** The backend recomputes the wall's hotspots every 60 s (HotspotFeed); the rest is the frame's way to the wall. */
const HOTSPOT_REFRESH_MS = 75_000;

/** The other spikes that fill the panel to its eight lines, with the longest names the demo has (for the fit check). */
const FILLER_SPIKES = [
  ['0302', 'DEP-MARKET'], ['1001', 'DEP-HOUSING'], ['0201', 'T02'], ['0104', 'T03'], ['0105', 'T01'],
  ['0301', 'T02'], ['0803', 'DEP-HOUSING'],
];
const FILLER_TICKETS = 6;

const createDispatched = async (categoryCode, unitId, count) => {
  for (let i = 0; i < count; i++) {
    const created = await http('POST', `${backendUrl}/api/v1/intake`, env('AGENT_TOKEN'), {
      channel: 'HOTLINE', title: '大屏热点测试', content: '同一类诉求集中来电', categoryCode,
      citizen: { name: '赵六', phone: CITIZEN_PHONE },
    });
    const id = created.ticket.id;
    await http('POST', `${backendUrl}/api/v1/tickets/${id}/submit`, env('AGENT_TOKEN'), {});
    await http('POST', `${backendUrl}/api/v1/tickets/${id}/dispatch`, env('DISPATCHER_TOKEN'),
      { unitId, note: 'wall browser test: hotspot' });
  }
};

/**
 * Tickets of one category dispatched to one unit within a minute or so: with no history in the same hours of the
 * previous weeks (the baseline is floored at 0.5), five or more in one hour are a spike (decision 0019). The one
 * checked has nine, so at least five share an hour even when the hour turns in the middle; it comes last, so it is in
 * the most recent hour and heads the panel. The fillers, six each, make the panel full unless the hour turns.
 */
const seedHotspot = async () => {
  const units = await http('GET', `${backendUrl}/api/v1/org/units`, env('DISPATCHER_TOKEN'));
  const byCode = (code) => {
    const unit = units.find((u) => u.code === code);
    assert.ok(unit, `no demo unit ${code}`);
    return unit;
  };
  for (const [category, unit] of FILLER_SPIKES) {
    await createDispatched(category, byCode(unit).id, FILLER_TICKETS);
  }
  const township = byCode('T01');
  await createDispatched(HOTSPOT_CATEGORY.code, township.id, HOTSPOT_TICKETS);
  return township;
};

/**
 * The seeded category × township as GET /api/v1/hotspots judges it over the wall's range (the current hour and the
 * 23 before): its most recent spike hour, the one the wall shows.
 */
const expectedHotspot = async (township) => {
  const to = new Date();
  const from = new Date(Math.floor(to.getTime() / 3_600_000) * 3_600_000 - 23 * 3_600_000);
  const answer = await http('GET', `${backendUrl}/api/v1/hotspots?from=${from.toISOString()}&to=${to.toISOString()}`,
    env('SUPERVISOR_TOKEN'));
  const ours = answer.spikes.filter((c) => c.categoryCode === HOTSPOT_CATEGORY.code && c.unitId === township.id)
    .sort((a, b) => Date.parse(b.bucketStart) - Date.parse(a.bucketStart));
  assert.ok(ours.length > 0, `the hotspots API sees no spike of the seeded tickets: ${JSON.stringify(answer.cells)}`);
  assert.equal(answer.method.weeks, 4);
  return ours[0];
};

/** The wall's hotspots panel shows the seeded spike with the API's count and baseline, under the method. */
const assertHotspotShown = async (page, township, expected) => {
  const row = page.locator('.wall-hotspot-row[data-kind="spike"]:visible', { hasText: HOTSPOT_CATEGORY.name })
    .filter({ hasText: township.name });
  await page.waitForFunction(([name, unit, count]) => [...document.querySelectorAll('.wall-hotspot-row')]
    .some((r) => !r.hidden && r.innerText.includes(name) && r.innerText.includes(unit)
      && r.querySelector('.wall-hotspot-count').textContent === String(count)),
  [HOTSPOT_CATEGORY.name, township.name, expected.count], { timeout: HOTSPOT_REFRESH_MS });
  assert.equal(await page.locator('#wall-hotspots').getAttribute('data-state'), 'SPIKES');
  const usual = Math.round(expected.baselineMean * 10) / 10;
  assert.equal(await row.locator('.wall-hotspot-baseline').innerText(), `/ 常态 ${usual}`);
  assert.match(await row.locator('.wall-hotspot-hour').innerText(), /^昨?\d{1,2}–\d{1,2}时$/);
  assert.match(await page.locator('#wall-hotspots-status').innerText(), /^突增 \d+ 项$/);
  assert.match(await page.locator('#wall-hotspots-method').innerText(), /^对比前4周同一小时 · 泊松检验 p≤0\.001/);
  return page.locator('.wall-hotspot-row:visible').count();
};

const control = async (action) => {
  const response = await fetch(`${env('CONTROL_URL')}/${action}`, { method: 'POST' });
  assert.equal(response.status, 200, `${action}: ${await response.text()}`);
};

const number = async (page, id) => {
  const text = await page.locator(`#${id}`).innerText();
  const digits = text.replace(/[^0-9]/g, '');
  assert.notEqual(digits, '', `#${id} shows no number: "${text}"`);
  return Number(digits);
};

const waitForAtLeast = (page, id, expected, timeout = 15_000) => page.waitForFunction(
  ([i, e]) => Number(document.getElementById(i).innerText.replace(/[^0-9]/g, '')) >= e, [id, expected], { timeout });

/** No full mobile number, and no run of 7+ digits but ticket numbers (yyyyMMdd + 6 digits) in the visible text. */
const assertNoPhoneNumbers = async (page) => {
  const text = await page.locator('body').innerText();
  assert.doesNotMatch(text, new RegExp(CALLER_PHONE), 'the posted caller number is on the wall');
  assert.doesNotMatch(text, new RegExp(CITIZEN_PHONE), 'the citizen\'s number is on the wall');
  for (const run of text.match(/\d{7,}/g) ?? []) {
    assert.match(run, /^20\d\d(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{6}$/, `"${run}" on the wall is no ticket number`);
  }
  const withoutTicketNumbers = text.replace(/(?<!\d)20\d{12}(?!\d)/g, ' ');
  assert.doesNotMatch(withoutTicketNumbers, /1[3-9]\d{9}/, 'a mobile number is on the wall');
};

/**
 * The page never scrolls, and nothing inside the wall is cut off: every element's box lies on the screen and inside
 * the box of the nearest ancestor that clips (a tile, a panel), and no text runs past its own box sideways (unless
 * it is meant to end in an ellipsis, like a long unit name).
 */
const assertFitsTheScreen = async (page, name) => {
  const layout = await page.evaluate(() => {
    const clipping = (el) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const style = getComputedStyle(a);
        if (style.overflowX !== 'visible' || style.overflowY !== 'visible') return a;
      }
      return null;
    };
    const spills = [];
    for (const el of document.querySelectorAll('#wall *')) {
      if (el.closest('#wall-volume-chart') && el.id !== 'wall-volume-chart') continue; // ECharts' own canvas
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue; // hidden
      const label = `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${el.className}`;
      if (box.top < -0.5 || box.left < -0.5 || box.bottom > innerHeight + 0.5 || box.right > innerWidth + 0.5) {
        spills.push(`${label} off the screen at ${Math.round(box.right)}×${Math.round(box.bottom)}`);
      }
      const clip = clipping(el);
      if (clip && clip.id !== 'wall') {
        const c = clip.getBoundingClientRect();
        if (box.top < c.top - 1 || box.bottom > c.bottom + 1 || box.left < c.left - 1 || box.right > c.right + 1) {
          spills.push(`${label} cut off by ${clip.className}: ${Math.round(box.bottom - c.bottom)}px below, `
            + `${Math.round(box.right - c.right)}px right`);
        }
      }
      if (getComputedStyle(el).textOverflow !== 'ellipsis' && el.clientWidth > 0
          && el.scrollWidth > el.clientWidth + 1) {
        spills.push(`${label} content ${el.scrollWidth}px wide in ${el.clientWidth}px`);
      }
    }
    const root = document.documentElement;
    return { scrollHeight: root.scrollHeight, scrollWidth: root.scrollWidth, innerHeight, innerWidth, spills };
  });
  assert.ok(layout.scrollHeight <= layout.innerHeight, `${name}: page ${layout.scrollHeight}px high in ${layout.innerHeight}px`);
  assert.ok(layout.scrollWidth <= layout.innerWidth, `${name}: page ${layout.scrollWidth}px wide in ${layout.innerWidth}px`);
  assert.deepEqual(layout.spills, [], `${name}: content does not fit`);
};

const countdown = (page) => page.evaluate(() => {
  const el = document.querySelector('#wall-deadline-0 .wall-countdown');
  return { text: el.textContent, base: el.getAttribute('data-countdown-base'), at: Date.now() };
});

/**
 * The nearest deadline's countdown changes from one read to the next, a second or more apart, while the server
 * wrote nothing to it in between (its base is the same): the browser ticks it.
 */
const assertCountdownTicksInTheBrowser = async (page) => {
  let stoodStill = null;
  for (let attempt = 0; attempt < 10; attempt++) {
    const first = await countdown(page);
    await page.waitForTimeout(1_100);
    const second = await countdown(page);
    assert.ok(second.at - first.at >= 1_000);
    if (second.base !== first.base) continue; // a frame arrived in between: try again
    if (second.text === first.text) {
      // The ticker may not run yet in the first moments after the page renders: look again, a bounded number of times.
      stoodStill = `${first.text} for ${second.at - first.at} ms`;
      continue;
    }
    return first.text;
  }
  assert.fail(stoodStill ? `countdown stood still at ${stoodStill}`
    : 'every read of the countdown was crossed by a server update');
};

const openWall = async (browser, width, height) => {
  const page = await browser.newPage({ viewport: { width, height } });
  // Client-to-server UIDL messages: the navigation, then the answer to the ticker script, which lets the server drop
  // the first render it keeps for a resend (WallView#onAttach; docs/benchmarks.md "Wall sessions").
  let uidlPosts = 0;
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().includes('v-r=uidl')) uidlPosts += 1;
  });
  await page.goto(`${uiUrl}/wall?token=${encodeURIComponent(env('KIOSK_TOKEN'))}`);
  await page.waitForSelector('#wall-offered', { timeout: 30_000 });
  await page.waitForSelector('#wall-stale', { state: 'hidden', timeout: 30_000 });
  for (let waited = 0; uidlPosts < 2 && waited < 10_000; waited += 100) await page.waitForTimeout(100);
  assert.ok(uidlPosts >= 2, `the wall sent ${uidlPosts} UIDL message(s): the first render was never acknowledged`);
  return page;
};

const browser = await launchChromium();

try {
  const denied = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  const response = await denied.goto(`${uiUrl}/wall`);
  assert.ok(response.ok(), `GET /wall answered ${response.status()}`);
  await denied.waitForSelector('#wall-unauthorised', { timeout: 30_000 });
  assert.equal(await denied.locator('#wall-offered').count(), 0, 'the wall shows figures without a kiosk token');
  await denied.close();

  await seedTicketBoard();
  const township = await seedHotspot();
  const hotspot = await expectedHotspot(township);

  for (const [width, height, name] of [[1920, 1080, 'wall-1080p'], [3840, 2160, 'wall-4k']]) {
    const page = await openWall(browser, width, height);
    const offeredBefore = await number(page, 'wall-offered');
    const answeredBefore = await number(page, 'wall-answered');
    const enterpriseBefore = await number(page, 'wall-ent-offered');

    await postCalls(4);
    await waitForAtLeast(page, 'wall-offered', offeredBefore + 4);
    assert.ok(await number(page, 'wall-answered') >= answeredBefore + 4, 'answered did not follow');
    await waitForAtLeast(page, 'wall-ent-offered', enterpriseBefore + 2);

    await page.waitForSelector('#wall-deadline-2', { state: 'visible', timeout: 15_000 });
    await page.waitForSelector('#wall-director-0', { state: 'visible', timeout: 15_000 });
    await page.waitForSelector('#wall-volume-chart[data-points="60"] canvas', { timeout: 15_000 });
    assert.match(await page.locator('#wall-deadline-0 .wall-deadline-number').innerText(), /^20\d{12}$/);
    assert.ok(await number(page, 'wall-ctz-open') >= 1, 'the tagged ticket is not on the clear-to-zero board');
    assert.match(await page.locator('#wall-director-0').innerText(), /值班领导[\s\S]*A1/);
    const ticked = await assertCountdownTicksInTheBrowser(page);
    const hotspotRows = await assertHotspotShown(page, township, hotspot);

    await page.screenshot({ path: `${screenshots}/${name}.png` });
    await assertNoPhoneNumbers(page);
    await assertFitsTheScreen(page, name);
    console.log(`${name}: offered ${offeredBefore} → ${await number(page, 'wall-offered')}, `
      + `nearest deadline ticking (${ticked}), hotspot ${HOTSPOT_CATEGORY.name} × ${township.name} `
      + `${hotspot.count} / 常态 ${hotspot.baselineMean} (${hotspotRows} hotspot lines), fits the screen, `
      + 'no phone numbers');
    await page.close();
  }

  // The backend goes away under an open wall, and comes back.
  const page = await openWall(browser, 1920, 1080);
  const offeredBefore = await number(page, 'wall-offered');
  await control('backend/stop');
  const stoppedAt = Date.now();
  await page.waitForSelector('#wall-stale', { state: 'visible', timeout: STALE_AFTER_MS + STALE_SLACK_MS });
  const bannerAfter = Date.now() - stoppedAt;
  await page.waitForFunction(() => /^\d+:\d\d$/.test(document.getElementById('wall-stale-age').textContent));
  const age = await page.locator('#wall-stale-age').innerText();
  assert.equal(await number(page, 'wall-offered'), offeredBefore, 'the last figures stay under the banner');
  const ticking = await countdown(page);
  await page.waitForFunction((before) => document.getElementById('wall-stale-age').textContent !== before, age,
    { timeout: 3_000 });
  await page.screenshot({ path: `${screenshots}/wall-1080p-stale.png` });
  await assertFitsTheScreen(page, 'wall-1080p with the stale banner');
  const stillTicking = await countdown(page);
  assert.notEqual(stillTicking.text, ticking.text, 'countdowns stopped with the backend');
  console.log(`stale banner ${bannerAfter} ms after the backend exited, data age ${age}`);

  await control('backend/start');
  await page.waitForSelector('#wall-stale', { state: 'hidden', timeout: 30_000 });
  assert.ok(await number(page, 'wall-offered') >= offeredBefore, 'calls were lost over the restart');
  await postCalls(2);
  await waitForAtLeast(page, 'wall-offered', offeredBefore + 2);
  await page.waitForSelector('#wall-deadline-0', { state: 'visible' });
  console.log(`backend back: banner gone, offered ${offeredBefore} → ${await number(page, 'wall-offered')}`);
  await page.close();
} finally {
  await browser.close();
}
