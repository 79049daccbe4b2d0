// The customer's side of the browser callback test: Debian's chromium,
// headless, fake microphone (a WAV of 1 kHz syllables), driven by
// playwright-core. The caller waits with nobody ready, asks to be called
// back, keeps the page open, answers when it rings, and hears the agent.
// Started by tst_browsercall; prints "step:<name>" as it goes.
//
//   node customer_callback.mjs <hub web url> <tone.wav> [chromium path]
import { fail, hearAgent, step, withCallPage } from './call_page.mjs';

await withCallPage('en', async (page) => {
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
  await hearAgent(page);
  step('hearing-agent');

  // The agent ends the call; the page says so.
  await page.waitForFunction(() => window.qidongCall.stats.state === 'ended', null, { timeout: 60000 });
  step('ended');
});
