// Self-service on the customer page in Debian's chromium: the customer
// searches the knowledge base before starting a chat, reads an article in
// place; agent-only articles never show; hostile queries are text. Started
// by tst_browserchat. Prints "step:<name>"; exits non-zero on failure.
//
//   node customer_help.mjs <hub web url> [chromium path]
import { chromium } from 'playwright-core';

const web = process.argv[2];
const executablePath = process.argv[3] || process.env.QIDONG_CHROMIUM || '/usr/bin/chromium';
const step = (name) => console.log(`step:${name}`);
const fail = (why) => { console.error(`e2e failed: ${why}`); process.exit(1); };

const browser = await chromium.launch({
  executablePath, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'],
});
try {
  // See customer.mjs: bypassing the CSP lets injected markup run, so the
  // checks prove the page never turns text into markup.
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  page.setDefaultTimeout(30000);
  page.on('dialog', () => fail('a dialog opened: text was executed'));
  await page.goto(`${web}/chat?lang=zh-CN`);
  await page.waitForSelector('#help:not([hidden])');

  // Typed as a customer types: results follow, the matched words marked.
  await page.type('#help-query', '充电宝', { delay: 60 });
  await page.waitForFunction(() => [...document.querySelectorAll('#help-results .hit-title')]
    .some((el) => el.textContent === '充电宝和锂电池携带规定'));
  const marks = await page.$$eval('#help-results .hit-title mark', (els) => els.map((el) => el.textContent));
  if (!marks.includes('充电宝')) fail(`the match is not marked: ${JSON.stringify(marks)}`);
  step('found');

  // Read in place, steps numbered.
  await page.click('#help-results .hit >> nth=0');
  await page.waitForSelector('#help-article:not([hidden])');
  const title = await page.textContent('#help-article-title');
  if (title !== '充电宝和锂电池携带规定') fail(`opened "${title}"`);
  const steps = await page.$$eval('#help-article-steps li', (els) => els.map((el) => el.textContent));
  if (steps.length !== 2 || steps[1] !== '放在随身行李中') fail(`steps: ${JSON.stringify(steps)}`);
  await page.click('#help-back');
  await page.waitForSelector('#help-results:not([hidden])');
  step('read');

  // Agents' own articles are not for customers.
  await page.fill('#help-query', '投诉处理流程');
  await page.waitForTimeout(600);
  const titles = await page.$$eval('#help-results .hit-title', (els) => els.map((el) => el.textContent));
  if (titles.some((t) => t.includes('投诉处理流程（VoC）'))) fail('an agent article reached the page');
  step('agent-only');

  // Hostile queries are words, never markup or query syntax.
  await page.fill('#help-query', '<img src=x onerror="window.__xss=1"> " NEAR( * 漫游');
  await page.waitForFunction(() => document.querySelectorAll('#help-results .hit').length > 0);
  if (await page.evaluate(() => window.__xss !== undefined)) fail('the query ran as markup');
  if (await page.$('#help-results img')) fail('markup appeared in the results');
  step('hostile');

  // English page, English articles.
  await page.goto(`${web}/chat?lang=en`);
  await page.waitForSelector('#help:not([hidden])');
  await page.type('#help-query', 'lost bag', { delay: 40 });
  await page.waitForFunction(() => [...document.querySelectorAll('#help-results .hit-title')]
    .some((el) => el.textContent === 'Compensation for lost baggage'));
  step('english');
} catch (error) {
  fail(error.stack || String(error));
} finally {
  await browser.close();
}
