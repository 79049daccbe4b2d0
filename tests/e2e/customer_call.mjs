// The customer's side of the browser call test: Debian's chromium, headless,
// with a fake microphone playing a WAV file (1 kHz in syllables), driven by
// playwright-core. Started by tst_browsercall (C++), which plays the agent
// on a real media socket. Prints "step:<name>" as it goes; exits non-zero
// with the reason on failure.
//
//   node customer_call.mjs <hub web url> <tone.wav> [chromium path]
import { fail, hearAgent, step, withCallPage } from './call_page.mjs';

// cn-voice, li.na's queue
await withCallPage('zh-CN', async (page) => {
  if (!(await page.evaluate(() => window.qidongCall.supported()))) fail('WebCodecs or track processing missing');
  await page.fill('input[name=name]', '网页来电');
  await page.fill('input[name=phone]', '13900139000');
  await page.click('#call-us');
  await page.waitForSelector('#call:not([hidden])');
  await page.waitForFunction(() => window.qidongCall.stats.sent > 10);
  step('calling');

  // The agent answers (tst_browsercall accepts the offer) and talks.
  await hearAgent(page);
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
  await hearAgent(page);
  step('resumed');

  // Hang up from the page.
  await page.click('#call-hangup');
  await page.waitForFunction(() => window.qidongCall.stats.state === 'ended');
  if (!(await page.isHidden('#call-hangup'))) fail('the hang-up button is still there');
  step('hung-up');
});
