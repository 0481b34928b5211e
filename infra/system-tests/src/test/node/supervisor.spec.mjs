// The supervisor console (值班长) in a real browser, through the real apps: supervisor1 signs in, finds a dispatched
// ticket on the SLA board, supervises it (督办) and tags it for mark & track, claims a missed-call callback task and
// records an attempt, sees a new task pushed into the open queue, and schedules a director's shift. Every step is
// checked again through the backend's API. Run by SupervisorBrowserSystemTests with the system already started; exits
// non-zero on failure.
//
// Environment: UI_URL, BACKEND_URL, AGENT_TOKEN, DISPATCHER_TOKEN, SUPERVISOR_TOKEN, CTI_TOKEN (bearer tokens),
// UNIT_CODE (the township the ticket goes to), SCREENSHOT_DIR, CHROMIUM (path of Debian's chromium).
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import assert from 'node:assert/strict';
import { api, env, launchChromium } from './support.mjs';

const uiUrl = env('UI_URL');
const backendUrl = env('BACKEND_URL');
const screenshots = env('SCREENSHOT_DIR');
mkdirSync(screenshots, { recursive: true });

const http = api(backendUrl);

// A dispatched ticket: its sign-for clock runs, so it is on the board with a deadline.
const units = await http('GET', '/api/v1/org/units', env('DISPATCHER_TOKEN'));
const unit = units.find((u) => u.code === env('UNIT_CODE'));
assert.ok(unit, `no unit ${env('UNIT_CODE')}`);
const title = `路灯不亮-${randomUUID().slice(0, 8)}`;
const created = await http('POST', '/api/v1/intake', env('AGENT_TOKEN'), {
  channel: 'HOTLINE', title, content: `${title}，晚上很危险`, citizen: { phone: '13700004321' },
});
const ticket = created.ticket;
await http('POST', `/api/v1/tickets/${ticket.id}/submit`, env('AGENT_TOKEN'), {});
await http('POST', `/api/v1/tickets/${ticket.id}/dispatch`, env('DISPATCHER_TOKEN'), { unitId: unit.id, note: 'supervisor spec' });

// A long abandon (40 s in the queue) with a caller number: a callback task, due 30 min later.
const caller = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
const callId = randomUUID();
const abandonedAt = new Date(Date.now() - 20_000);
abandonedAt.setMilliseconds(0);
const cti = await http('POST', '/api/v1/cti/events', env('CTI_TOKEN'), [
  { eventId: `${callId}-o`, type: 'CALL_OFFERED', callId, queue: 'GENERAL',
    occurredAt: new Date(abandonedAt.getTime() - 40_000).toISOString(), callerNumber: caller },
  { eventId: `${callId}-x`, type: 'CALL_ABANDONED', callId, queue: 'GENERAL',
    occurredAt: abandonedAt.toISOString() },
]);
assert.equal(cti.accepted, 2, JSON.stringify(cti));
// The list masks the number its own way; find our task by its abandon time and last digits, as the backend lists it.
const ourTask = (t) => t.callerNumberMasked.endsWith(caller.slice(-4))
  && new Date(t.lastAbandonedAt).getTime() === abandonedAt.getTime();
const listed = (await http('GET', '/api/v1/callbacks?open=true', env('SUPERVISOR_TOKEN'))).find(ourTask);
assert.ok(listed, 'the long abandon made no callback task');
const masked = listed.callerNumberMasked;
assert.ok(!masked.includes(caller.slice(0, 7)), `the list shows too much of the number: ${masked}`);

const browser = await launchChromium();

try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });

  // Sign in (the backend checks the password) and land on the console.
  await page.goto(`${uiUrl}/login`);
  await page.locator('#vaadinLoginUsername input').fill('supervisor1');
  await page.locator('#vaadinLoginPassword input').fill('supervisor1-demo');
  await page.locator('#vaadinLoginPassword input').press('Enter');
  await page.waitForSelector('#console-menu', { timeout: 30_000 });
  assert.match(await page.locator('#console-menu').innerText(), /时限看板/);

  // SLA board: the dispatched ticket, found by its number, with a countdown; supervise it with a reason.
  await page.goto(`${uiUrl}/supervisor/sla`);
  await page.waitForSelector('#sla-grid', { timeout: 30_000 });
  await page.locator('#sla-filter-text input').fill(ticket.number);
  await page.locator('#sla-search').click();
  /**
   * Clicks a grid cell. vaadin-grid recycles cells while it renders: Playwright may resolve a cell that is hidden a
   * moment later and then wait on it forever, so each try is short and resolves the locator afresh.
   */
  const clickCell = async (locator) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await locator.first().click({ timeout: 3_000 });
        return;
      } catch (e) {
        if (attempt >= 10) throw e;
      }
    }
  };
  // vaadin-grid recycles its cells: earlier rows' cells stay in the DOM, hidden, so only a visible one is the row.
  const cell = page.locator('vaadin-grid-cell-content', { hasText: title }).filter({ visible: true });
  await cell.first().waitFor({ timeout: 15_000 });
  const link = page.locator(`a[href="tickets/${ticket.id}"]`).filter({ visible: true });
  assert.equal(await link.count(), 1, 'the row links to the ticket detail');
  assert.match(await page.locator('#sla-grid').innerText(), /剩余|超时/, 'no countdown on the board');
  await clickCell(cell);
  await page.locator('#sla-supervise').click();
  await page.locator('#supervise-reason textarea').fill('夜间安全隐患，请街道今日处理');
  await page.locator('#supervise-confirm').click();
  await page.locator('#supervise-dialog').waitFor({ state: 'detached', timeout: 10_000 });
  await page.locator('vaadin-grid-cell-content', { hasText: '已督办' }).filter({ visible: true }).first().waitFor({ timeout: 10_000 });
  const supervised = await http('GET', `/api/v1/tickets/${ticket.id}`, env('SUPERVISOR_TOKEN'));
  assert.ok(supervised.overlays.supervisedAt, 'the backend does not have the supervision');
  await page.screenshot({ path: `${screenshots}/supervisor-sla.png` });
  console.log(`SLA board: ${ticket.number} supervised`);

  // Mark & track: tag it a promised ticket (承诺件) from the board; it is then on the mark & track list.
  await clickCell(cell);
  await page.locator('#sla-mark').click();
  await page.locator('#mark-reason textarea').fill('已向市民承诺三日内修复');
  await page.locator('#mark-confirm').click();
  await page.locator('#mark-dialog').waitFor({ state: 'detached', timeout: 10_000 });
  const tagged = await http('GET', `/api/v1/tickets/${ticket.id}`, env('SUPERVISOR_TOKEN'));
  assert.deepEqual(tagged.overlays.tags, ['PROMISED']);
  await page.goto(`${uiUrl}/supervisor/mark-track`);
  await page.locator('#mark-track-grid vaadin-grid-cell-content', { hasText: title }).filter({ visible: true }).first()
    .waitFor({ timeout: 15_000 });
  await page.locator('#mark-track-board').waitFor({ timeout: 10_000 });
  await page.screenshot({ path: `${screenshots}/supervisor-mark-track.png` });
  console.log(`mark & track: ${ticket.number} tagged PROMISED and listed`);

  // Callback queue: the task appears by itself (masked), is claimed (full number to dial), attempt recorded.
  await page.goto(`${uiUrl}/supervisor/callbacks`);
  const task = page.locator('vaadin-grid-cell-content', { hasText: masked }).filter({ visible: true });
  await task.first().waitFor({ timeout: 30_000 });
  assert.doesNotMatch(await page.locator('#callbacks-grid').innerText(), new RegExp(caller),
    'the list shows the full number');
  await clickCell(task);
  await page.locator('#callbacks-claim').click();
  await page.waitForFunction((n) => document.getElementById('callbacks-held').innerText.includes(n), caller,
    { timeout: 10_000 });
  await page.locator('#callbacks-outcome-no-answer').click();
  await page.waitForFunction((n) => !document.getElementById('callbacks-held').innerText.includes(n), caller,
    { timeout: 10_000 });
  const tasks = await http('GET', '/api/v1/callbacks?open=true', env('SUPERVISOR_TOKEN'));
  const recorded = tasks.find((t) => t.id === listed.id);
  assert.ok(recorded, 'the task is gone from the open queue after one failed attempt');
  assert.equal(recorded.attempts, 1, JSON.stringify(recorded));
  assert.equal(recorded.claimedBy, null, 'the claim should end with the attempt');
  // Another long abandon while the queue is open: pushed over callbacks.tasks (no reload, no poll), and the figures
  // asked again for it in the background with the supervisor's session.
  const pendingBefore = Number(await page.locator('#callbacks-pending').innerText());
  const other = `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const otherCall = randomUUID();
  const otherAbandonedAt = new Date(Date.now() - 5_000);
  otherAbandonedAt.setMilliseconds(0);
  await http('POST', '/api/v1/cti/events', env('CTI_TOKEN'), [
    { eventId: `${otherCall}-o`, type: 'CALL_OFFERED', callId: otherCall, queue: 'GENERAL',
      occurredAt: new Date(otherAbandonedAt.getTime() - 40_000).toISOString(), callerNumber: other },
    { eventId: `${otherCall}-x`, type: 'CALL_ABANDONED', callId: otherCall, queue: 'GENERAL',
      occurredAt: otherAbandonedAt.toISOString() },
  ]);
  const otherTask = (await http('GET', '/api/v1/callbacks?open=true', env('SUPERVISOR_TOKEN')))
    .find((t) => t.callerNumberMasked.endsWith(other.slice(-4))
      && new Date(t.lastAbandonedAt).getTime() === otherAbandonedAt.getTime());
  assert.ok(otherTask, 'the second long abandon made no callback task');
  await page.locator('vaadin-grid-cell-content', { hasText: otherTask.callerNumberMasked }).filter({ visible: true })
    .first().waitFor({ timeout: 10_000 });
  await page.waitForFunction((before) => Number(document.getElementById('callbacks-pending').innerText) > before,
    pendingBefore, { timeout: 10_000 });
  assert.match(await page.locator('#callbacks-live').innerText(), /实时更新/);
  await page.screenshot({ path: `${screenshots}/supervisor-callbacks.png` });
  console.log(`callback queue: ${masked} claimed, attempt NO_ANSWER recorded`);

  // Shift schedule: a shift for the director, in the next hours (the form's default times), seat S-01. The system
  // is shared with the other browser tests (the wall's seeds a shift for the same director): clear those hours first,
  // or the backend rightly refuses the overlap.
  const around = `from=${new Date(Date.now() - 86_400_000).toISOString()}&to=${new Date(Date.now() + 3 * 86_400_000).toISOString()}`;
  for (const earlier of await http('GET', `/api/v1/shifts?${around}`, env('SUPERVISOR_TOKEN'))) {
    if (earlier.directorName === '值班领导') {
      await http('DELETE', `/api/v1/shifts/${earlier.id}`, env('SUPERVISOR_TOKEN'));
    }
  }
  await page.goto(`${uiUrl}/supervisor/shifts`);
  await page.locator('#shifts-new').click();
  await page.locator('#shift-director input').fill('值班领导');
  await page.locator('vaadin-combo-box-item', { hasText: '值班领导' }).first().click();
  await page.locator('#shift-seat input').fill('S-01');
  await page.locator('#shift-save').click();
  await page.locator('#shift-form').waitFor({ state: 'detached', timeout: 10_000 });
  await page.locator('vaadin-grid-cell-content', { hasText: 'S-01' }).filter({ visible: true }).first().waitFor({ timeout: 10_000 });
  const from = new Date(Date.now() - 86_400_000).toISOString();
  const to = new Date(Date.now() + 3 * 86_400_000).toISOString();
  const shifts = await http('GET', `/api/v1/shifts?from=${from}&to=${to}`, env('SUPERVISOR_TOKEN'));
  const shift = shifts.find((s) => s.seat === 'S-01');
  assert.ok(shift, `the backend has no shift at seat S-01: ${JSON.stringify(shifts)}`);
  assert.equal(shift.directorName, '值班领导');
  assert.ok(new Date(shift.endsAt) > new Date(shift.startsAt));
  await page.screenshot({ path: `${screenshots}/supervisor-shifts.png` });
  await http('DELETE', `/api/v1/shifts/${shift.id}`, env('SUPERVISOR_TOKEN'));
  console.log(`shift schedule: ${shift.directorName} ${shift.startsAt} – ${shift.endsAt} created`);
} catch (failure) {
  for (const page of browser.contexts().flatMap((c) => c.pages())) {
    await page.screenshot({ path: `${screenshots}/supervisor-failure.png` }).catch(() => {});
  }
  throw failure;
} finally {
  await browser.close();
}
