// The customer's side of the browser callback test: Debian's chromium,
// headless, fake microphone (a WAV of 1 kHz syllables), driven by
// playwright-core. The caller waits with nobody ready, asks to be called
// back, keeps the page open, answers when it rings, and hears the agent.
// Started by tst_browsercall; prints "step:<name>" as it goes.
//
//   node customer_callback.mjs <hub web url> <tone.wav> [chromium path]
import { chromium } from 'playwright-core';

const web = process.argv[2];
const wav = process.argv[3];
const executablePath = process.argv[4] || process.env.QIDONG_CHROMIUM || '/usr/bin/chromium';
const step = (name) => console.log(`step:${name}`);
const fail = (why) => { console.error(`e2e failed: ${why}`); process.exit(1); };
const TIMEOUT = 30000;
const AGENT_TONE = 620;

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-dev-shm-usage',
    '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream',
    `--use-file-for-fake-audio-capture=${wav}`, '--autoplay-policy=no-user-gesture-required'],
});
try {
  const context = await browser.newContext({ bypassCSP: true, permissions: ['microphone'] });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  await page.goto(`${web}/chat?lang=en`);
  await page.waitForSelector('#start:not([hidden])');
  await page.fill('input[name=name]', 'Callback caller');
  await page.fill('input[name=phone]', '13700137000');
  await page.click('#call-us');
  await page.waitForFunction(() => window.qidongCall.stats.state === 'waiting');
  step('waiting');

  // Nobody can answer soon: the page offers a callback.
  await page.waitForSelector('#call-back:not([hidden])');
  await page.click('#call-back');
  await page.waitForFunction(() => window.qidongCall.stats.state === 'callback');
  const waitingText = await page.textContent('#call-state');
  if (!waitingText.includes('call you back')) fail(`the page does not say it will call back: ${waitingText}`);
  if (!(await page.isHidden('#call-back'))) fail('the callback button is still offered');
  if (!(await page.isHidden('#call-mute'))) fail('mute is offered with nobody on the line');
  step('callback-requested');

  // The agent dials: the page rings; the customer answers and hears them.
  await page.waitForSelector('#call-incoming:not([hidden])', { timeout: 60000 });
  const ringingText = await page.textContent('#call-state');
  if (!ringingText.includes('calling you back')) fail(`the ringing page says: ${ringingText}`);
  step('ringing');
  await page.click('#call-answer');
  await page.waitForFunction(() => window.qidongCall.stats.state === 'active');
  await page.waitForFunction((f) => window.qidongCall.power(f) > 0.01, AGENT_TONE);
  step('hearing-agent');

  // The agent ends the call; the page says so.
  await page.waitForFunction(() => window.qidongCall.stats.state === 'ended', null, { timeout: 60000 });
  step('ended');
} catch (error) {
  fail(error.message);
} finally {
  await browser.close();
}
