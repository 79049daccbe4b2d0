// The customer's side of the browser chat-to-call test: a web chat in
// headless chromium (fake microphone: 1 kHz syllables); the agent calls
// from the chat, the page rings, the customer answers and hears the agent,
// writes in the chat during the call, and after the agent hangs up the
// chat goes on. Started by tst_browsercall; prints "step:<name>".
//
//   node customer_chat_call.mjs <hub web url> <tone.wav> [chromium path]
import { fail, hearAgent, step, withCallPage } from './call_page.mjs';

await withCallPage('zh-CN', async (page) => {
  await page.fill('input[name=name]', '聊天转语音');
  await page.click('#start button[type=submit]');
  await page.waitForSelector('#chat:not([hidden])');
  if (!(await page.isHidden('#call'))) fail('a call box on a plain chat');
  step('chatting');

  // The agent calls: the page rings inside the chat.
  await page.waitForSelector('#call-incoming:not([hidden])', { timeout: 60000 });
  step('ringing');
  await page.click('#call-answer');
  await hearAgent(page);
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
});
