// The administrator's pages in a real browser, through the real apps: admin signs in, registers a partner system and
// sees its API key and webhook secret once (the key is then checked against the intake, and gone from the page),
// disables and re-enables it (the intake answers 403, then accepts the key again), changes its webhook URL, finds the
// status callback of a request it submits listed with why its attempt failed (its webhook answers nobody), reads the
// calendar's years — a year without an official holiday list is warned about — and a month, edits a day far in the
// future (so no open ticket's deadline moves) and undoes the edit, each checked through the backend's API; opens the
// SLA policies; and creates a grid worker on the users page, who then logs in to the mobile API, disables them, after
// which neither their login nor their refresh token works (decision 0032) — the worker first has to change the
// password the admin typed, which nothing else is allowed before (decision 0036); and a desk user the admin created
// signs in to the console, is sent to 修改密码 and nowhere else, changes it and then works. Run by AdminBrowserSystemTests with the
// system already started; exits non-zero on failure.
//
// Environment: UI_URL, BACKEND_URL, MOBILE_URL, ADMIN_TOKEN (bearer token), SCREENSHOT_DIR, CHROMIUM (path of Debian's
// chromium).
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import assert from 'node:assert/strict';
import { api, env, launchChromium } from './support.mjs';

const uiUrl = env('UI_URL');
const backendUrl = env('BACKEND_URL');
const mobileUrl = env('MOBILE_URL');
const adminToken = env('ADMIN_TOKEN');
const screenshots = env('SCREENSHOT_DIR');
mkdirSync(screenshots, { recursive: true });

const http = api(backendUrl);

/** What the intake answers a key: 400 for a valid key with an empty body, 401 for an unknown one, 403 if disabled. */
const intakeStatus = async (apiKey) => (await fetch(`${backendUrl}/api/v1/intake`, {
  method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': apiKey }, body: '{}',
})).status;

// A weekday far in the future: its edit moves no open ticket's deadline, and no other test looks at it.
const far = '2099-03-02';
assert.equal(new Date(`${far}T00:00:00Z`).getUTCDay(), 1, `${far} should be a Monday`);
const day = async () => (await http('GET', `/api/v1/calendar/days?from=${far}&to=${far}`, adminToken))[0];
assert.equal((await day()).working, true, `${far} should start as a working day`);

const partnerName = `spec-${randomUUID().slice(0, 8)}`;
const workerName = `spec-worker-${randomUUID().slice(0, 8)}`;
const workerPassword = `Spec-${randomUUID().slice(0, 12)}`;
const workerOwnPassword = `Own-${randomUUID().slice(0, 12)}`;
const agentName = `spec-agent-${randomUUID().slice(0, 8)}`;
const agentPassword = `Spec-${randomUUID().slice(0, 12)}`;
const agentOwnPassword = `Own-${randomUUID().slice(0, 12)}`;

/** The status a mobile auth route answers, and its body; with the bearer token when given. */
const mobileAuth = async (route, body, bearer) => {
  const headers = { 'content-type': 'application/json' };
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  const response = await fetch(`${mobileUrl}/mobile/v1/auth/${route}`, {
    method: 'POST', headers, body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
};
/** The status the phone's ticket list answers this token, and its body. */
const mobileTickets = async (bearer) => {
  const response = await fetch(`${mobileUrl}/mobile/v1/tickets`, { headers: { authorization: `Bearer ${bearer}` } });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
};
const thisYear = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));

const browser = await launchChromium();

try {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: uiUrl });
  const page = await context.newPage();

  await page.goto(`${uiUrl}/login`);
  await page.locator('#vaadinLoginUsername input').fill('admin');
  await page.locator('#vaadinLoginPassword input').fill('admin-demo');
  await page.locator('#vaadinLoginPassword input').press('Enter');
  await page.waitForSelector('#console-menu', { timeout: 30_000 });
  const menu = await page.locator('#console-menu').innerText();
  for (const entry of ['工作日历', '时限标准', '对接系统']) assert.match(menu, new RegExp(entry));

  /** Confirms the open confirmation dialog {@code id}. */
  const confirm = async (id) => {
    await page.locator(`#${id} vaadin-button[slot="confirm-button"]`).click();
    await page.locator(`#${id}`).waitFor({ state: 'detached', timeout: 10_000 });
  };

  // --- partners: register, the key shown once ------------------------------------------------------------------
  await page.goto(`${uiUrl}/admin/partners`);
  await page.locator('#partners-grid').waitFor({ timeout: 30_000 });
  await page.locator('#partners-new').click();
  await page.locator('#partner-name input').fill(partnerName);
  await page.locator('#partner-channels vaadin-checkbox', { hasText: '益办事App' }).click();
  await page.locator('#partner-webhook input').fill('http://127.0.0.1:9/hotline/hook');
  await page.locator('#partner-save').click();
  await page.locator('#partner-secrets').waitFor({ state: 'attached', timeout: 10_000 });
  const apiKey = await page.locator('#secret-api-key input').inputValue();
  const webhookSecret = await page.locator('#secret-webhook-secret input').inputValue();
  assert.match(apiKey, /^hop\.[0-9a-f]{16}\./, `not an API key: ${apiKey}`);
  assert.equal(webhookSecret.length, 43, `not a webhook secret: ${webhookSecret}`);
  assert.match(await page.locator('#secrets-warning').innerText(), /只显示这一次/);
  // The browser writes the clipboard after the click, and only for the focused page.
  await page.bringToFront();
  await page.locator('#secret-api-key-copy').click();
  await page.waitForFunction(async (key) => (await navigator.clipboard.readText()) === key, apiKey,
    { timeout: 10_000, polling: 200 }).catch(async () => assert.fail(
    `the copy button copies the key; the clipboard holds: ${await page.evaluate(() => navigator.clipboard.readText())}`));
  await page.screenshot({ path: `${screenshots}/admin-partner-secrets.png` });
  await page.locator('#secrets-close').click();
  await page.locator('#partner-secrets').waitFor({ state: 'detached', timeout: 10_000 });
  const leftOnPage = await page.evaluate(([key, secret]) => {
    const texts = [document.documentElement.outerHTML, document.body.innerText];
    const walk = (root) => root.querySelectorAll('*').forEach((e) => {
      if (typeof e.value === 'string') texts.push(e.value);
      if (e.shadowRoot) { texts.push(e.shadowRoot.innerHTML); walk(e.shadowRoot); }
    });
    walk(document);
    return texts.some((t) => t.includes(key) || t.includes(secret));
  }, [apiKey, webhookSecret]);
  assert.equal(leftOnPage, false, 'the key or secret is still on the page after the dialog closed');

  const registered = (await http('GET', '/api/v1/admin/partners', adminToken)).find((p) => p.name === partnerName);
  assert.ok(registered, `the backend has no partner ${partnerName}`);
  assert.deepEqual(registered.channels, ['CITY_APP']);
  assert.equal(registered.webhookUrl, 'http://127.0.0.1:9/hotline/hook');
  assert.equal(await intakeStatus(apiKey), 400, 'the key shown is not accepted by the intake');
  assert.equal(await intakeStatus(`${apiKey.slice(0, -2)}xx`), 401);
  console.log(`partners: ${partnerName} registered, key shown once and accepted`);

  // --- partners: disable and enable again ----------------------------------------------------------------------
  const row = page.locator('#partners-grid vaadin-grid-cell-content', { hasText: partnerName }).filter({ visible: true });
  await row.first().click();
  await page.locator('#partner-detail').waitFor({ timeout: 10_000 });
  assert.match(await page.locator('#partner-disable-explain').innerText(), /403/);
  await page.locator('#partner-disable').click();
  await confirm('partner-disable-confirm');
  await page.locator(`#partner-state-${partnerName}`, { hasText: '已停用' }).waitFor({ timeout: 10_000 });
  await page.locator('#partner-enable').waitFor({ timeout: 10_000 });
  const disabled = (await http('GET', `/api/v1/admin/partners/${registered.id}`, adminToken));
  assert.equal(disabled.enabled, false);
  assert.equal(disabled.disabledBy, 'admin');
  assert.equal(await intakeStatus(apiKey), 403, 'a disabled partner\'s key is refused with 403');

  await page.locator('#partner-enable').click();
  await confirm('partner-enable-confirm');
  await page.locator(`#partner-state-${partnerName}`, { hasText: '启用' }).waitFor({ timeout: 10_000 });
  assert.equal((await http('GET', `/api/v1/admin/partners/${registered.id}`, adminToken)).enabled, true);
  assert.equal(await intakeStatus(apiKey), 400, 'the key works again once enabled');
  console.log(`partners: ${partnerName} disabled (intake 403) and enabled again`);

  // --- partners: its webhook URL changed (a merge patch; the name stays) -----------------------------------------
  await page.locator('#partner-edit').click();
  await page.locator('#partner-edit-form').waitFor({ state: 'attached', timeout: 10_000 });
  assert.equal(await page.locator('#partner-name input').inputValue(), partnerName);
  assert.equal(await page.locator('#partner-webhook input').inputValue(), 'http://127.0.0.1:9/hotline/hook');
  await page.locator('#partner-webhook input').fill('http://127.0.0.1:9/hotline/v2/hook');
  await page.locator('#partner-save').click();
  await page.locator('#partner-edit-form').waitFor({ state: 'detached', timeout: 10_000 });
  await page.locator('#partners-grid vaadin-grid-cell-content', { hasText: 'http://127.0.0.1:9/hotline/v2/hook' })
    .filter({ visible: true }).first().waitFor({ timeout: 10_000 });
  const changed = await http('GET', `/api/v1/admin/partners/${registered.id}`, adminToken);
  assert.equal(changed.webhookUrl, 'http://127.0.0.1:9/hotline/v2/hook');
  assert.equal(changed.name, partnerName);
  assert.deepEqual(changed.channels, ['CITY_APP']);
  console.log(`partners: ${partnerName} webhook URL changed`);

  // --- partners: a status callback to a webhook nobody answers, seen with its failed attempt ---------------------
  const intake = await fetch(`${backendUrl}/api/v1/intake`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
    body: JSON.stringify({ channel: 'CITY_APP', externalId: `${partnerName}-1`, title: '路灯不亮（系统测试）',
      content: '对接系统的系统测试提交', location: '人民路' }),
  });
  const intakeAnswer = await intake.text();
  assert.equal(intake.status, 201, intakeAnswer);
  const ticketNumber = JSON.parse(intakeAnswer).ticket.number;
  let attempted;
  for (let tries = 0; tries < 40 && !attempted; tries++) {
    const deliveries = await http('GET', `/api/v1/admin/partners/${registered.id}/deliveries`, adminToken);
    // attempts counts an attempt from its claim on; its outcome is recorded once the connection has failed
    attempted = deliveries.items.find((d) => d.ticketNumber === ticketNumber && d.attempts >= 1 && d.lastError);
    if (!attempted) await new Promise((resolve) => setTimeout(resolve, 500));
  }
  assert.ok(attempted, 'the callback to the unreachable webhook was never attempted');
  assert.equal(attempted.state, 'PENDING', JSON.stringify(attempted));
  await page.locator('#deliveries-state').click();
  await page.locator('vaadin-select-item', { hasText: '待发送' }).click();
  const callbackRow = page.locator('#deliveries-grid vaadin-grid-cell-content', { hasText: ticketNumber })
    .filter({ visible: true });
  await callbackRow.first().waitFor({ timeout: 10_000 });
  assert.equal(attempted.lastError, 'connection refused: 127.0.0.1:9', JSON.stringify(attempted));
  assert.ok((await page.locator('#deliveries-grid').innerText()).includes(attempted.lastError.slice(0, 20)),
    `the last error "${attempted.lastError}" is not shown`);
  await page.screenshot({ path: `${screenshots}/admin-partners.png`, fullPage: true });
  await page.locator('#deliveries-state').click();
  await page.locator('vaadin-select-item', { hasText: '已放弃' }).click();
  await page.locator('#deliveries-grid', { hasText: '没有符合条件的回调' }).waitFor({ timeout: 10_000 });
  console.log(`partners: callback of ${ticketNumber} attempted (${attempted.lastError}), listed by state`);

  // --- calendar: the years, a fallback year warned, a month ----------------------------------------------------
  await page.goto(`${uiUrl}/admin/calendar`);
  await page.locator('#calendar-years').waitFor({ timeout: 30_000 });
  const years = await http('GET', '/api/v1/calendar/years', adminToken);
  const fallbackAhead = years.filter((y) => y.source === 'FALLBACK' && y.year >= thisYear).map((y) => y.year);
  assert.ok(fallbackAhead.length > 0, `the year after the last list always falls back: ${JSON.stringify(years)}`);
  for (const year of fallbackAhead) {
    const warning = page.locator(`#calendar-fallback-${year}`);
    await warning.waitFor({ timeout: 10_000 });
    assert.match(await warning.innerText(), new RegExp(`${year} 年尚未载入国务院节假日安排`));
  }
  await page.locator('#calendar-years vaadin-grid-cell-content', { hasText: '无官方安排：按周一至周五' })
    .filter({ visible: true }).first().waitFor({ timeout: 10_000 });
  await page.locator('[id^="calendar-day-"]').first().waitFor({ timeout: 10_000 });
  await page.screenshot({ path: `${screenshots}/admin-calendar.png`, fullPage: true });

  // --- calendar: edit a far day, then undo it ------------------------------------------------------------------
  await page.locator('#calendar-year input').fill('2099');
  await page.locator('#calendar-year input').press('Enter');
  await page.locator('#calendar-month').click();
  await page.locator('vaadin-select-item', { hasText: '三月' }).click();
  await page.locator(`#calendar-day-${far}`).click();
  await page.locator('#calendar-day-dialog').waitFor({ state: 'attached', timeout: 10_000 });
  await page.locator('#calendar-day-working vaadin-radio-button', { hasText: '休息日' }).click();
  await page.locator('#calendar-day-name input').fill('系统测试休息日');
  await page.locator('#calendar-day-save').click();
  await page.locator('#calendar-day-confirm').waitFor({ state: 'attached', timeout: 10_000 });
  assert.equal((await day()).source, 'FALLBACK', 'nothing may change before the edit is confirmed');
  await confirm('calendar-day-confirm');
  await page.locator('#calendar-result', { hasText: '0 件在办工单' }).waitFor({ timeout: 10_000 });
  await page.locator('#calendar-day-dialog').waitFor({ state: 'detached', timeout: 10_000 });
  const edited = await day();
  assert.deepEqual(edited, { date: far, working: false, name: '系统测试休息日', source: 'EDITED' });
  assert.match(await page.locator(`#calendar-day-${far}`).innerText(), /休/);
  await page.screenshot({ path: `${screenshots}/admin-calendar-edited.png`, fullPage: true });

  await page.locator(`#calendar-day-${far}`).click();
  await page.locator('#calendar-day-revert').click();
  await confirm('calendar-day-revert-confirm');
  await page.locator('#calendar-result', { hasText: '已撤销' }).waitFor({ timeout: 10_000 });
  const reverted = await day();
  assert.equal(reverted.working, true);
  assert.equal(reverted.source, 'FALLBACK');
  console.log(`calendar: ${far} set off and back (fallback years ahead: ${fallbackAhead.join(', ')})`);

  // --- SLA policies: the limits, and the form (cancelled: an edit would move other tests' deadlines) -----------
  await page.goto(`${uiUrl}/admin/sla-policies`);
  await page.locator('#sla-policies vaadin-grid-cell-content', { hasText: '普通件' }).filter({ visible: true }).first()
    .waitFor({ timeout: 30_000 });
  const standard = (await http('GET', '/api/v1/sla/policies', adminToken)).find((p) => p.grade === 'STANDARD');
  assert.ok(await page.locator('#sla-policies vaadin-grid-cell-content',
    { hasText: `${standard.finish.amount} 个工作日` }).count() > 0, 'the finish limit is not shown as the API has it');
  await page.screenshot({ path: `${screenshots}/admin-sla-policies.png`, fullPage: true });
  await page.locator('#sla-edit-STANDARD').click();
  await page.locator('#sla-form').waitFor({ state: 'attached', timeout: 10_000 });
  await page.screenshot({ path: `${screenshots}/admin-sla-form.png` });
  await page.locator('#sla-cancel').click();
  console.log('SLA policies: shown as the API has them');

  // --- users: a grid worker created, logs in on the phone, disabled, then refused --------------------------------
  await page.goto(`${uiUrl}/admin/users`);
  await page.locator('#users-grid vaadin-grid-cell-content', { hasText: 'worker1' }).filter({ visible: true }).first()
    .waitFor({ timeout: 30_000 });
  await page.locator('#users-new').click();
  await page.locator('#user-form').waitFor({ state: 'attached', timeout: 10_000 });
  await page.locator('#user-username input').fill(workerName);
  await page.locator('#user-display-name input').fill('系统测试网格员');
  await page.locator('#user-roles vaadin-checkbox', { hasText: '网格员' }).click();
  await page.locator('#user-grid').click();
  await page.locator('vaadin-select-item', { hasText: '城关街道第一网格' }).filter({ visible: true }).click();
  await page.locator('#user-unit', { hasText: '城关街道' }).waitFor({ timeout: 10_000 });
  await page.locator('#user-password input').fill(workerPassword);
  await page.locator('#user-save').click();
  await page.locator('#user-form').waitFor({ state: 'detached', timeout: 10_000 });

  const created = (await http('GET', `/api/v1/users?q=${workerName}`, adminToken)).items;
  assert.equal(created.length, 1, `the backend has no user ${workerName}`);
  assert.deepEqual(created[0].roles, ['GRID_WORKER']);
  assert.ok(created[0].gridId && created[0].unitId, JSON.stringify(created[0]));
  const firstLogin = await mobileAuth('login', { username: workerName, password: workerPassword });
  assert.equal(firstLogin.status, 200,
    `the new worker cannot log in to the mobile API: ${JSON.stringify(firstLogin.body)}`);
  const claims = JSON.parse(Buffer.from(firstLogin.body.accessToken.split('.')[1], 'base64url').toString());
  assert.equal(claims.grid, created[0].gridId, 'the phone token carries the grid the admin picked');
  assert.equal(claims.pwd_change, true, 'a password the admin typed must be changed first (decision 0036)');
  const refused403 = await mobileTickets(firstLogin.body.accessToken);
  assert.equal(refused403.status, 403, 'the worker works before changing the password the admin typed');
  assert.equal(refused403.body.code, 'password-change-required', JSON.stringify(refused403.body));
  const onPhone = await mobileAuth('password', { currentPassword: workerPassword, newPassword: workerOwnPassword },
    firstLogin.body.accessToken);
  assert.equal(onPhone.status, 200, `the worker cannot change the password: ${JSON.stringify(onPhone.body)}`);
  assert.equal((await mobileTickets(onPhone.body.accessToken)).status, 200, 'the worker cannot work after the change');
  assert.equal((await mobileAuth('refresh', { refreshToken: firstLogin.body.refreshToken })).status, 401,
    'the refresh token from before the change still works');
  console.log(`users: ${workerName} created in the browser, logged in on the phone, changed the password, works`);

  await page.locator('#users-search input').fill(workerName);
  await page.locator('#users-search input').press('Enter');
  // The search leaves one row: the grid's cells of the rows it no longer shows stay in the page, hidden.
  await page.locator('#users-grid vaadin-grid-cell-content', { hasText: 'worker1' }).filter({ visible: true })
    .waitFor({ state: 'detached', timeout: 10_000 });
  await page.locator(`#user-toggle-${workerName}`).filter({ visible: true }).click();
  await page.locator('#user-disable-confirm').waitFor({ state: 'attached', timeout: 10_000 });
  assert.match(await page.locator('#user-disable-confirm').innerText(), /15 分钟/);
  await confirm('user-disable-confirm');
  await page.locator(`#user-state-${workerName}`, { hasText: '已停用' }).filter({ visible: true })
    .waitFor({ timeout: 10_000 });
  await page.screenshot({ path: `${screenshots}/admin-users.png`, fullPage: true });

  assert.equal((await http('GET', `/api/v1/users/${created[0].id}`, adminToken)).enabled, false);
  const refused = await mobileAuth('login', { username: workerName, password: workerOwnPassword });
  assert.equal(refused.status, 401, `a disabled worker still logs in: ${JSON.stringify(refused.body)}`);
  assert.equal((await mobileAuth('refresh', { refreshToken: onPhone.body.refreshToken })).status, 401,
    'a disabled worker\'s refresh token still works');
  const deskLogin = await fetch(`${backendUrl}/api/v1/auth/token`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: workerName, password: workerOwnPassword }),
  });
  assert.equal(deskLogin.status, 401, 'the backend token endpoint still issues tokens to a disabled worker');
  console.log(`users: ${workerName} disabled; login and refresh refused`);

  // --- users: a desk user the admin created signs in to the console, is sent to 修改密码, changes it, then works ---
  await http('POST', '/api/v1/users', adminToken, { username: agentName, displayName: '系统测试话务员',
    roles: ['AGENT'], initialPassword: agentPassword });
  const agentContext = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const agentPage = await agentContext.newPage();
  await agentPage.goto(`${uiUrl}/login`);
  await agentPage.locator('#vaadinLoginUsername input').fill(agentName);
  await agentPage.locator('#vaadinLoginPassword input').fill(agentPassword);
  await agentPage.locator('#vaadinLoginPassword input').press('Enter');
  await agentPage.locator('#password-required').waitFor({ timeout: 30_000 });
  await agentPage.goto(`${uiUrl}/desk/call`);
  await agentPage.locator('#password-required').waitFor({ timeout: 30_000 });
  assert.equal(await agentPage.locator('#console-home').count(), 0, 'a user who must change the password got home');
  await agentPage.locator('#password-current input').fill(agentPassword);
  await agentPage.locator('#password-new input').fill(agentOwnPassword);
  await agentPage.locator('#password-repeat input').fill(agentOwnPassword);
  await agentPage.locator('#password-save').click();
  await agentPage.locator('#console-home').waitFor({ timeout: 30_000 });
  await agentPage.screenshot({ path: `${screenshots}/admin-own-password-changed.png` });
  await agentPage.goto(`${uiUrl}/desk/call`);
  await agentPage.waitForURL(/desk\/call/, { timeout: 30_000 });
  assert.equal(await agentPage.locator('#password-view').count(), 0, 'sent to the password page after the change');
  const ownToken = await fetch(`${backendUrl}/api/v1/auth/token`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: agentName, password: agentOwnPassword }),
  });
  assert.equal(ownToken.status, 200, 'the password chosen in the console does not sign in');
  const ownClaims = JSON.parse(Buffer.from((await ownToken.json()).accessToken.split('.')[1], 'base64url').toString());
  assert.equal(ownClaims.pwd_change, undefined, 'the token still requires a password change');
  await agentContext.close();
  console.log(`users: ${agentName} created, sent to 修改密码 in the console, changed it, then works`);
} catch (failure) {
  for (const page of browser.contexts().flatMap((c) => c.pages())) {
    await page.screenshot({ path: `${screenshots}/admin-failure.png` }).catch(() => {});
  }
  throw failure;
} finally {
  // Whatever happened, leave the far day as the calendar has it.
  await fetch(`${backendUrl}/api/v1/calendar/days/${far}`,
    { method: 'DELETE', headers: { authorization: `Bearer ${adminToken}` } }).catch(() => {});
  await browser.close();
}
