// The leadership's reports (周报, 通报, 专报) in a real browser, through the real apps: director1 signs in, reads this
// week's report and checks its headline figure against the backend's API for the same week, downloads it as PDF,
// generates a special report on a keyword only our seeded ticket carries and downloads its ticket list as CSV, and
// opens the bulletin. Run by ReportsBrowserSystemTests with the system already started; exits non-zero on failure.
//
// Environment: UI_URL, BACKEND_URL, AGENT_TOKEN, DIRECTOR_TOKEN (bearer tokens), SCREENSHOT_DIR, CHROMIUM (path of
// Debian's chromium).
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { api, env, launchChromium } from './support.mjs';

const uiUrl = env('UI_URL');
const backendUrl = env('BACKEND_URL');
const screenshots = env('SCREENSHOT_DIR');
mkdirSync(screenshots, { recursive: true });

const http = api(backendUrl);

// A ticket about a water cut whose title carries a word nothing else has: the special report's only match.
const topic = `停水${randomUUID().slice(0, 6)}`;
const title = `${topic}：小区已经停水两天了`;
const created = await http('POST', '/api/v1/intake', env('AGENT_TOKEN'), {
  channel: 'HOTLINE', title, content: `${title}，老人上下楼提水困难`, categoryCode: '0104',
  citizen: { name: '王女士', phone: '13700001234' },
});
const ticket = created.ticket;

// This ISO week, as the backend and the page name it (Monday-based, Asia/Shanghai).
const isoWeek = (date) => {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = new Date(Date.UTC(d.getUTCFullYear(), 0, 1));
  return `${d.getUTCFullYear()}-W${String(Math.ceil(((d - yearStart) / 86_400_000 + 1) / 7)).padStart(2, '0')}`;
};
const shanghaiNow = new Date(Date.now() + 8 * 3_600_000);
const thisWeek = isoWeek(shanghaiNow);
const grouped = (n) => n.toLocaleString('en-US');

const browser = await launchChromium();

try {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, acceptDownloads: true });
  const page = await context.newPage();

  await page.goto(`${uiUrl}/login`);
  await page.locator('#vaadinLoginUsername input').fill('director1');
  await page.locator('#vaadinLoginPassword input').fill('director1-demo');
  await page.locator('#vaadinLoginPassword input').press('Enter');
  await page.waitForSelector('#console-menu', { timeout: 30_000 });
  const menu = await page.locator('#console-menu').innerText();
  assert.match(menu, /周报/);
  assert.match(menu, /通报/);
  assert.match(menu, /专报/);

  // Weekly report: this week so far. Its received figure is the API's for the same week (other tests may add tickets
  // meanwhile, so the page is asked again until one reading of the API falls between two readings of the page).
  await page.goto(`${uiUrl}/reports/weekly`);
  await page.locator('#report-week').click();
  await page.locator('vaadin-select-item', { hasText: '本周' }).click();
  await page.locator('#report-issued', { hasText: '即时统计' }).waitFor({ timeout: 10_000 });
  let matched = false;
  for (let attempt = 0; attempt < 5 && !matched; attempt++) {
    const onPage = await page.locator('#report-received').innerText();
    const api = await http('GET', `/api/v1/reports/weekly?week=${thisWeek}`, env('DIRECTOR_TOKEN'));
    matched = onPage === grouped(api.received);
    if (!matched) {
      await page.reload();
      await page.locator('#report-week').click();
      await page.locator('vaadin-select-item', { hasText: '本周' }).click();
      await page.locator('#report-issued', { hasText: '即时统计' }).waitFor({ timeout: 10_000 });
    }
  }
  assert.ok(matched, 'the weekly report page never showed the API\'s received figure for this week');
  const api = await http('GET', `/api/v1/reports/weekly?week=${thisWeek}`, env('DIRECTOR_TOKEN'));
  assert.ok(api.received >= 1, 'our ticket is not counted in this week');
  const water = api.byCategory.find((c) => c.key === '0104');
  assert.ok(water, 'no water-supply category in this week\'s report');
  await page.locator('#report-by-category vaadin-grid-cell-content', { hasText: water.label })
    .filter({ visible: true }).first().waitFor({ timeout: 10_000 });
  await page.screenshot({ path: `${screenshots}/report-weekly.png`, fullPage: true });

  const [pdf] = await Promise.all([page.waitForEvent('download'), page.locator('#report-pdf').click()]);
  assert.equal(pdf.suggestedFilename(), `12345热线周报-${thisWeek}.pdf`);
  const pdfBytes = readFileSync(await pdf.path());
  assert.equal(pdfBytes.subarray(0, 5).toString('latin1'), '%PDF-', 'the download is not a PDF');

  // Special report on our topic: exactly our ticket, listed with a link to it, and its CSV carries it.
  await page.goto(`${uiUrl}/reports/special`);
  await page.locator('#report-keyword input').fill(topic);
  await page.locator('#report-generate').click();
  await page.locator('#report-matched', { hasText: '1' }).waitFor({ timeout: 10_000 });
  const link = page.locator(`a[href="tickets/${ticket.id}"]`).filter({ visible: true });
  await link.waitFor({ timeout: 10_000 });
  assert.equal(await link.innerText(), ticket.number);
  const special = await http('GET', `/api/v1/reports/special?keyword=${encodeURIComponent(topic)}`
    + `&from=${new Date(Date.now() - 86_400_000).toISOString()}&to=${new Date(Date.now() + 60_000).toISOString()}`,
    env('DIRECTOR_TOKEN'));
  assert.equal(special.matched, 1);
  await page.screenshot({ path: `${screenshots}/report-special.png`, fullPage: true });

  const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('#report-csv-tickets').click()]);
  assert.match(csv.suggestedFilename(), new RegExp(`^12345热线专报-${topic}-.*-tickets\\.csv$`));
  const csvText = readFileSync(await csv.path()).toString('utf8');
  assert.ok(csvText.startsWith('\uFEFF工单编号,受理时间,标题,分类,承办单位,状态\r\n'), csvText.slice(0, 80));
  assert.match(csvText, new RegExp(`${ticket.number},[^,]+,${title},供水,`));
  assert.doesNotMatch(csvText, /13700001234|王女士/, 'a report file must not carry the citizen');

  // Bulletin: this month so far, units and items as the API has them.
  await page.goto(`${uiUrl}/reports/bulletin`);
  await page.locator('#report-as-of', { hasText: '截至' }).waitFor({ timeout: 10_000 });
  await page.screenshot({ path: `${screenshots}/report-bulletin.png`, fullPage: true });

  // Not for an agent: the menu has no reports and the backend refuses the file.
  const agentFile = await fetch(`${backendUrl}/api/v1/reports/weekly.pdf?week=${thisWeek}`,
    { headers: { authorization: `Bearer ${env('AGENT_TOKEN')}` } });
  assert.equal(agentFile.status, 403);
  console.log(`reports: week ${thisWeek} received ${api.received}; special "${topic}" 1 ticket; files downloaded`);
} finally {
  await browser.close();
}
