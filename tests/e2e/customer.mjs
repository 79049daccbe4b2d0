// The customer's side of the browser end-to-end test: Debian's chromium,
// headless, driven by playwright-core. Started by tst_browserchat (C++),
// which plays the agent with the real qidong_core library. Prints
// "step:<name>" as it goes; exits non-zero with the reason on failure.
//
//   node customer.mjs <hub web url> [chromium path]
import { chromium } from 'playwright-core';

const web = process.argv[2];
const executablePath = process.argv[3] || process.env.QIDONG_CHROMIUM || '/usr/bin/chromium';
const step = (name) => console.log(`step:${name}`);
const fail = (why) => { console.error(`e2e failed: ${why}`); process.exit(1); };
const TIMEOUT = 30000;

const browser = await chromium.launch({
  executablePath,
  headless: true,
  // CI runs as root in a container-less sandbox-less VM.
  args: ['--no-sandbox', '--disable-dev-shm-usage'],
});
try {
  // The page's CSP forbids eval, which playwright's waitForFunction uses;
  // bypassing it also lets injected markup run, so the XSS checks below
  // prove the page itself never turns text into markup.
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.on('dialog', () => fail('a dialog opened: customer text was executed'));
  await page.goto(`${web}/chat?lang=zh-CN`);
  await page.waitForSelector('#start:not([hidden])');
  await page.fill('input[name=name]', '网页顾客<b>王</b>');
  await page.fill('input[name=phone]', '13800138000');
  await page.click('#start button[type=submit]');
  await page.waitForSelector('#chat:not([hidden])');
  step('started');

  const hostile = '你好，漫游开不了 <img src=x onerror="window.__xss=1"> <script>window.__xss=2</script>';
  await page.fill('#text', hostile);
  await page.press('#text', 'Control+Enter');
  await page.waitForFunction(
    (text) => [...document.querySelectorAll('#messages li.customer:not(.pending) span:first-child')]
      .some((el) => el.textContent === text), hostile);
  step('sent');

  // The agent answers in qidong-desktop's core; the page shows it.
  await page.waitForFunction(
    () => [...document.querySelectorAll('#messages li.agent span:first-child')]
      .some((el) => el.textContent.includes('请在App里一键开通')));
  await page.waitForFunction(
    () => [...document.querySelectorAll('#messages li.customer .meta')].some((el) => el.textContent.includes('已读')));
  step('replied');

  // A reload resumes the same conversation with everything in it.
  await page.reload();
  await page.waitForSelector('#chat:not([hidden])');
  await page.waitForFunction(() => document.querySelectorAll('#messages li.customer, #messages li.agent').length >= 2);
  const texts = await page.$$eval('#messages li span:first-child', (els) => els.map((el) => el.textContent));
  if (!texts.includes(hostile)) fail(`the customer's message is missing after reload: ${JSON.stringify(texts)}`);
  if (!texts.some((t) => t.includes('请在App里一键开通'))) fail('the reply is missing after reload');
  if (await page.evaluate(() => window.__xss !== undefined)) fail('customer text ran as markup');
  if ((await page.$$('#messages img')).length > 0) fail('customer text became an element');
  step('reloaded');

  // The agent ends the chat: the page says so and asks for a rating.
  await page.waitForSelector('#rating:not([hidden])');
  await page.click('#csat button[data-value="5"]');
  await page.click('#nps button[data-value="9"]');
  await page.fill('#comment', '很快，谢谢');
  await page.click('#rate');
  await page.waitForSelector('#thanks:not([hidden])');
  step('rated');

  // English and small screens: the page switches language and still fits.
  await page.setViewportSize({ width: 375, height: 700 });
  await page.click('#lang');
  await page.waitForFunction(() => document.querySelector('header h1').textContent === 'Chat with us');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  if (overflow) fail('the page is wider than a phone screen');
  step('english');
} catch (error) {
  fail(error.message);
} finally {
  await browser.close();
}
