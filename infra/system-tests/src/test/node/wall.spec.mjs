// The wall in a real browser: it opens with the kiosk token, shows live numbers, and follows CTI events posted
// while it is open. Run by WallBrowserSystemTests with the system already started; exits non-zero on failure.
//
// Environment: UI_URL, BACKEND_URL, KIOSK_TOKEN, CTI_TOKEN (bearer token of the telephone platform),
// SCREENSHOT_DIR, CHROMIUM (path of Debian's chromium).
import { chromium } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import assert from 'node:assert/strict';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const uiUrl = env('UI_URL');
const backendUrl = env('BACKEND_URL');
const screenshots = env('SCREENSHOT_DIR');
mkdirSync(screenshots, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});

const number = async (page, id) => {
  const text = await page.locator(`#${id}`).innerText();
  const digits = text.replace(/[^0-9]/g, '');
  assert.notEqual(digits, '', `#${id} shows no number: "${text}"`);
  return Number(digits);
};

const postCalls = async (count) => {
  const now = Date.now();
  const events = [];
  for (let i = 0; i < count; i++) {
    const callId = randomUUID();
    events.push({ eventId: `${callId}-o`, type: 'CALL_OFFERED', callId, queue: 'GENERAL',
      occurredAt: new Date(now - 30_000).toISOString(), callerNumber: '13912345678' });
    events.push({ eventId: `${callId}-a`, type: 'CALL_ANSWERED', callId, queue: 'GENERAL',
      occurredAt: new Date(now - 20_000).toISOString(), agentId: 'A99' });
  }
  const response = await fetch(`${backendUrl}/api/v1/cti/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${env('CTI_TOKEN')}` },
    body: JSON.stringify(events),
  });
  assert.equal(response.status, 200, `CTI post answered ${response.status}`);
  const result = await response.json();
  assert.equal(result.accepted, events.length, JSON.stringify(result));
};

try {
  for (const [width, height, name] of [[1920, 1080, 'wall-1080p'], [3840, 2160, 'wall-4k']]) {
    const page = await browser.newPage({ viewport: { width, height } });
    const denied = await page.goto(`${uiUrl}/wall`);
    assert.ok(denied.ok(), `GET /wall answered ${denied.status()}`);
    await page.waitForSelector('#wall-offered', { state: 'detached', timeout: 2_000 }).catch(() => {});
    assert.equal(await page.locator('#wall-offered').count(), 0, 'the wall shows figures without a kiosk token');

    await page.goto(`${uiUrl}/wall?token=${encodeURIComponent(env('KIOSK_TOKEN'))}`);
    await page.waitForSelector('#wall-offered', { timeout: 30_000 });
    await page.waitForSelector('#wall-stale', { state: 'hidden', timeout: 30_000 });
    const offeredBefore = await number(page, 'wall-offered');
    const answeredBefore = await number(page, 'wall-answered');

    await postCalls(3);
    await page.waitForFunction(
      ([id, expected]) => Number(document.getElementById(id).innerText.replace(/[^0-9]/g, '')) >= expected,
      ['wall-offered', offeredBefore + 3], { timeout: 15_000 });
    assert.ok(await number(page, 'wall-answered') >= answeredBefore + 3, 'answered did not follow');

    const text = await page.locator('body').innerText();
    assert.doesNotMatch(text, /1[3-9]\d{9}/, 'a full mobile number is on the wall');
    assert.doesNotMatch(text, /13912345678/, 'the posted caller number is on the wall');
    await page.screenshot({ path: `${screenshots}/${name}.png` });
    console.log(`${name}: offered ${offeredBefore} → ${await number(page, 'wall-offered')}, live, no phone numbers`);
    await page.close();
  }
} finally {
  await browser.close();
}
