// The customer's side of the browser call test: Debian's chromium, headless,
// with a fake microphone playing a WAV file (1 kHz in syllables), driven by
// playwright-core. Started by tst_browsercall (C++), which plays the agent
// on a real media socket. Prints "step:<name>" as it goes; exits non-zero
// with the reason on failure.
//
//   node customer_call.mjs <hub web url> <tone.wav> [chromium path]
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
  await page.goto(`${web}/chat?lang=zh-CN`); // cn-voice, li.na's queue
  await page.waitForSelector('#start:not([hidden])');
  if (!(await page.evaluate(() => window.qidongCall.supported()))) fail('WebCodecs or track processing missing');
  await page.fill('input[name=name]', '网页来电');
  await page.fill('input[name=phone]', '13900139000');
  await page.click('#call-us');
  await page.waitForSelector('#call:not([hidden])');
  await page.waitForFunction(() => window.qidongCall.stats.sent > 10);
  step('calling');

  // The agent answers (tst_browsercall accepts the offer) and talks.
  await page.waitForFunction(() => window.qidongCall.stats.state === 'active');
  await page.waitForFunction((f) => window.qidongCall.power(f) > 0.01, AGENT_TONE);
  const state = await page.textContent('#call-state');
  if (!state.includes('李娜')) fail(`the call state does not name the agent: ${state}`);
  step('hearing-agent');

  // Mute: nothing is sent while muted; the agent checks it hears silence.
  await page.click('#call-mute');
  const sentAtMute = await page.evaluate(() => window.qidongCall.stats.sent);
  await page.waitForTimeout(200);
  await page.waitForFunction(() => window.qidongCall.stats.skippedMuted > 50);
  const sentWhileMuted = (await page.evaluate(() => window.qidongCall.stats.sent)) - sentAtMute;
  if (sentWhileMuted > 20) fail(`${sentWhileMuted} frames sent while muted`);
  step('muted');
  await page.waitForTimeout(1500);
  await page.click('#call-mute');
  await page.waitForFunction((n) => window.qidongCall.stats.sent > n + 25, sentAtMute + sentWhileMuted);
  step('unmuted');

  // The agent holds the call: the state says so and music plays.
  await page.waitForFunction(() => window.qidongCall.stats.state === 'held');
  await page.waitForFunction(() => window.qidongCall.level() > 0.005);
  step('held');
  await page.waitForFunction(() => window.qidongCall.stats.state === 'active');
  await page.waitForFunction((f) => window.qidongCall.power(f) > 0.01, AGENT_TONE);
  step('resumed');

  // Hang up from the page.
  await page.click('#call-hangup');
  await page.waitForFunction(() => window.qidongCall.stats.state === 'ended');
  if (!(await page.isHidden('#call-hangup'))) fail('the hang-up button is still there');
  step('hung-up');
} catch (error) {
  fail(error.message);
} finally {
  await browser.close();
}
