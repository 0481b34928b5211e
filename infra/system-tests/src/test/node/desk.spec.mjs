// One ticket's whole path through the desk consoles in a real browser: agent1 searches the knowledge base, takes the
// call and sends it for dispatch, and it appears in dispatcher1's queue, open meanwhile, without dispatcher1 doing
// anything (decision 0044); dispatcher1 dispatches it to 城关街道; the township's handler accepts and finishes
// it through the backend's REST API; auditor1 passes it; revisit1 records the citizen satisfied; the ticket view then
// shows it closed with its whole history, in Chinese and, after the language switch, in English.
// Run by DeskConsoleBrowserSystemTests with the system already started; exits non-zero on failure.
//
// Environment: UI_URL, BACKEND_URL, HANDLER_TOKEN (bearer token of handler-t01), SCREENSHOT_DIR,
// CHROMIUM (path of Debian's chromium).
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import assert from 'node:assert/strict';
import { env, launchChromium } from './support.mjs';

const uiUrl = env('UI_URL');
const backendUrl = env('BACKEND_URL');
const screenshots = env('SCREENSHOT_DIR');
mkdirSync(screenshots, { recursive: true });

// A title of this run's own, so the ticket is found in queues other tests may share; its Chinese part is what the
// knowledge base is searched for.
const suffix = randomUUID().slice(0, 8).toUpperCase();
const title = `小区停水两天 ${suffix}`;
const phone = '13912345678';

const browser = await launchChromium();

const step = (text) => console.log(`${new Date().toISOString()} ${text}`);

/** A page of its own (own cookies, own session) signed in as this demo user. */
const signIn = async (username) => {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${uiUrl}/login`);
  await page.locator('vaadin-text-field[name="username"] input').fill(username);
  await page.locator('vaadin-password-field[name="password"] input').fill(`${username}-demo`);
  await page.locator('vaadin-password-field[name="password"] input').press('Enter');
  await page.locator('#console-menu').waitFor();
  const who = await page.locator('#console-user').innerText();
  assert.ok(who.startsWith(username), `signed in as "${who}", not ${username}`);
  return page;
};

/** Opens a console and finds this run's ticket in its queue, paging on if other tickets come first. */
const findInQueue = async (page, path, prefix) => {
  await page.goto(`${uiUrl}/${path}`);
  // vaadin-grid keeps recycled cells hidden in the DOM: only a visible cell is a row on this page.
  const cell = page.locator(`#${prefix}-grid vaadin-grid-cell-content`, { hasText: title }).filter({ visible: true });
  await page.locator(`#${prefix}-page`).waitFor();
  for (let pages = 1; pages <= 20; pages++) {
    if (await cell.count() > 0) {
      return cell.first();
    }
    const next = page.locator(`#${prefix}-next`);
    if (await next.isDisabled()) break;
    await next.click();
    await page.locator(`#${prefix}-page`, { hasText: String(pages + 1) }).waitFor();
  }
  throw new Error(`${title} is not in the queue of /${path}`);
};

const backendCommand = async (path, body) => {
  const response = await fetch(`${backendUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${env('HANDLER_TOKEN')}` },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  assert.equal(response.status, 200, `${path} answered ${response.status}: ${text}`);
  return JSON.parse(text);
};

/** Opens the dispatch queue live on its last page, where a new ticket comes (oldest first). */
const openDispatchQueueAtItsEnd = async (page) => {
  await page.goto(`${uiUrl}/dispatch`);
  await page.locator('#dispatch-live[data-link="live"]').waitFor();
  await page.locator('#dispatch-queue-page').waitFor();
  const next = page.locator('#dispatch-queue-next');
  for (let pages = 2; !(await next.isDisabled()); pages++) {
    await next.click();
    await page.locator('#dispatch-queue-page', { hasText: `第 ${pages} 页` }).waitFor();
  }
};

try {
  step('dispatcher1 opens the dispatch queue and stays on it');
  const dispatcher = await signIn('dispatcher1');
  await openDispatchQueueAtItsEnd(dispatcher);
  assert.match(await dispatcher.locator('#dispatch-live').innerText(), /实时更新/);
  const dispatchUrl = dispatcher.url();

  step('agent1 takes the call');
  const agent = await signIn('agent1');
  await agent.goto(`${uiUrl}/desk/call`);
  await agent.locator('#agent-title input').fill(title);
  const hit = agent.locator('#kb-hits vaadin-button', { hasText: '停水停电报修处置流程' });
  await hit.waitFor();
  await hit.click();
  await agent.locator('#kb-article-body', { hasText: '2小时内到场处置' }).waitFor();
  await agent.locator('#agent-phone input').fill(phone);
  await agent.locator('#agent-name input').fill('张先生');
  await agent.locator('#agent-content textarea').fill('幸福小区3号楼已经停水两天了，物业说是管道维修，请尽快处理。');
  await agent.locator('#agent-category input').fill('供水');
  await agent.locator('vaadin-combo-box-item', { hasText: '城乡建设 / 供水' }).click();
  await agent.locator('#agent-location input').fill('城关街道幸福小区3号楼');
  await agent.screenshot({ path: `${screenshots}/console-agent.png`, fullPage: true });
  await agent.locator('#agent-dispatch-button').click();
  const link = agent.locator('#agent-result-link');
  await link.waitFor();
  await agent.locator('#agent-result-status', { hasText: '待派遣' }).waitFor();
  const number = (await link.innerText()).trim();
  const ticketId = (await link.getAttribute('href')).replace(/^.*tickets\//, '');
  assert.match(number, /^\d{14}$/, `ticket number "${number}"`);
  assert.match(ticketId, /^[0-9a-f-]{36}$/, `ticket id "${ticketId}"`);
  step(`ticket ${number} (${ticketId}) sent for dispatch`);

  step('it appears in the open dispatch queue without dispatcher1 doing anything');
  const arrived = dispatcher.locator('#dispatch-queue-grid vaadin-grid-cell-content', { hasText: title })
    .filter({ visible: true });
  // on this page, or, had this page been full, on the one after it, which the queue now offers
  await Promise.any([arrived.waitFor(), dispatcher.locator('#dispatch-queue-next:not([disabled])').waitFor()]);
  assert.equal(dispatcher.url(), dispatchUrl, 'the dispatcher navigated');
  if (await arrived.count() === 0) {
    await dispatcher.locator('#dispatch-queue-next').click();
  }

  step('dispatcher1 dispatches it to 城关街道');
  await arrived.first().click();
  await dispatcher.locator('#ticket-number', { hasText: number }).waitFor();
  assert.equal(await dispatcher.locator('#ticket-phone').innerText(), '139****5678');
  await dispatcher.locator('#dispatch-unit input').fill('城关');
  await dispatcher.locator('vaadin-combo-box-item', { hasText: '城关街道 · 乡镇街道' }).click();
  await dispatcher.locator('#dispatch-note textarea').fill('请联系供水公司尽快恢复供水');
  await dispatcher.screenshot({ path: `${screenshots}/console-dispatch.png`, fullPage: true });
  await dispatcher.locator('#dispatch-button').click();
  await dispatcher.locator('#dispatch-queue-grid vaadin-grid-cell-content', { hasText: title })
    .waitFor({ state: 'hidden' });

  step('handler-t01 accepts and finishes it over REST');
  await backendCommand(`/api/v1/tickets/${ticketId}/accept`, { commandId: randomUUID(), note: '已签收' });
  await backendCommand(`/api/v1/tickets/${ticketId}/finish`, { commandId: randomUUID(), note: '管道已修复，已恢复供水' });

  step('auditor1 passes it');
  const auditor = await signIn('auditor1');
  const finished = await findInQueue(auditor, 'audit', 'audit-queue');
  await finished.click();
  await auditor.locator('#ticket-history vaadin-grid-cell-content', { hasText: '管道已修复，已恢复供水' }).waitFor();
  await auditor.locator('#audit-reason textarea').fill('处置及时，反馈完整');
  await auditor.screenshot({ path: `${screenshots}/console-audit.png`, fullPage: true });
  await auditor.locator('#audit-yes').click();
  await auditor.locator('#audit-queue-grid vaadin-grid-cell-content', { hasText: title })
    .waitFor({ state: 'hidden' });

  step('revisit1 records the citizen satisfied');
  const revisit = await signIn('revisit1');
  const audited = await findInQueue(revisit, 'revisit', 'revisit-queue');
  await audited.click();
  await revisit.locator('#revisit-attempts', { hasText: '已回访未接通 0 次' }).waitFor();
  await revisit.locator('#revisit-result').getByRole('radio', { name: '满意', exact: true }).click();
  await revisit.locator('#revisit-record:not([disabled])').waitFor();
  await revisit.locator('#revisit-note textarea').fill('市民表示已恢复供水，满意');
  await revisit.screenshot({ path: `${screenshots}/console-revisit.png`, fullPage: true });
  await revisit.locator('#revisit-record').click();
  await revisit.locator('#revisit-queue-grid vaadin-grid-cell-content', { hasText: title })
    .waitFor({ state: 'hidden' });

  step('the ticket view shows it closed with its whole history');
  await agent.goto(`${uiUrl}/tickets/${ticketId}`);
  await agent.locator('#ticket-status', { hasText: '已办结' }).waitFor();
  const history = await agent.locator('#ticket-history vaadin-grid-cell-content').allInnerTexts();
  for (const entry of ['受理', '提交派遣', '派遣', '签收', '反馈', '审核通过', '回访办结']) {
    assert.ok(history.includes(entry), `history lacks "${entry}": ${JSON.stringify(history)}`);
  }
  for (const reason of ['请联系供水公司尽快恢复供水', '管道已修复，已恢复供水', '处置及时，反馈完整']) {
    assert.ok(history.some((text) => text.includes(reason)), `history lacks "${reason}"`);
  }
  assert.equal(await agent.locator('#ticket-phone').innerText(), '139****5678');
  assert.equal(await agent.locator('#ticket-unit').innerText(), '城关街道');
  const body = await agent.locator('body').innerText();
  assert.doesNotMatch(body, /1[3-9]\d{9}/, 'a full mobile number is on the ticket view');
  await agent.screenshot({ path: `${screenshots}/console-ticket.png`, fullPage: true });

  step('the language switch turns the console to English');
  await agent.locator('#language-switch').click();
  await agent.locator('vaadin-select-item', { hasText: 'English' }).click();
  await agent.locator('#ticket-status', { hasText: 'Closed' }).waitFor();
  const menu = await agent.locator('#console-menu').innerText();
  assert.match(menu, /Take a call/, `menu after the switch: ${menu}`);
  assert.doesNotMatch(menu, /话务台/, `menu after the switch: ${menu}`);
  const englishHistory = await agent.locator('#ticket-history vaadin-grid-cell-content').allInnerTexts();
  assert.ok(englishHistory.includes('Revisited, closed'), JSON.stringify(englishHistory));
  await agent.screenshot({ path: `${screenshots}/console-ticket-en.png`, fullPage: true });
  step(`ticket ${number}: received → dispatched → accepted → finished → audited → revisited → closed`);
} finally {
  await browser.close();
}
