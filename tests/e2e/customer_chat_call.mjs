// The customer's side of the browser chat-to-call test: a web chat in
// headless chromium (fake microphone: 1 kHz syllables); the agent calls
// from the chat, the page rings, the customer answers and hears the agent,
// writes in the chat during the call, and after the agent hangs up the
// chat goes on. Started by tst_browsercall; prints "step:<name>".
//
//   node customer_chat_call.mjs <hub web url> <tone.wav> [chromium path]
import { chromium } from 'playwright-core';

const web = process.argv[2];
const wav = process.argv[3];
const executablePath = process.argv[4] || process.env.QIDONG_CHROMIUM || '/usr/bin/chromium';
const step = (name) => console.log(`step:${name}`);
const fail = (why) => { console.error(`e2e failed: ${why}`); process.exit(1); };
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
  page.setDefaultTimeout(30000);
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  await page.goto(`${web}/chat?lang=zh-CN`);
  await page.waitForSelector('#start:not([hidden])');
  await page.fill('input[name=name]', '聊天转语音');
  await page.click('#start button[type=submit]');
  await page.waitForSelector('#chat:not([hidden])');
  if (!(await page.isHidden('#call'))) fail('a call box on a plain chat');
  step('chatting');

  // The agent calls: the page rings inside the chat.
  await page.waitForSelector('#call-incoming:not([hidden])', { timeout: 60000 });
  step('ringing');
  await page.click('#call-answer');
  await page.waitForFunction(() => window.qidongCall.stats.state === 'active');
  await page.waitForFunction((f) => window.qidongCall.power(f) > 0.01, AGENT_TONE);
  step('hearing-agent');

  // The chat goes on during the call.
  await page.fill('#text', '截图发您了');
  await page.click('#send');
  step('wrote');

  // The agent hangs up the call: the call box goes, the chat stays.
  await page.waitForSelector('#call', { state: 'hidden', timeout: 60000 });
  if (await page.isHidden('#composer')) fail('the chat ended with the call');
  if ((await page.evaluate(() => window.qidongCall.stats.state)) !== 'ended') fail('audio still on');
  step('call-ended-chat-goes-on');
} catch (error) {
  fail(error.message);
} finally {
  await browser.close();
}
