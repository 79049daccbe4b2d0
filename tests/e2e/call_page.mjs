// What the customer_*call*.mjs scripts share: Debian's chromium, headless,
// with a fake microphone playing a WAV file, driven by playwright-core; a
// page on the hub's chat URL; "step:<name>" lines for the C++ side, and a
// non-zero exit with the reason on failure.
import { chromium } from 'playwright-core';

export const AGENT_TONE = 620; // tst_BrowserCall's agent says it
export const step = (name) => console.log(`step:${name}`);
export const fail = (why) => { console.error(`e2e failed: ${why}`); process.exit(1); };

// argv: <hub web url> <tone.wav> [chromium path]. Runs `play(page, web)`
// on a page at /chat?lang=<lang>, closing the browser however it ends.
export async function withCallPage(lang, play) {
  const web = process.argv[2];
  const wav = process.argv[3];
  const executablePath = process.argv[4] || process.env.QIDONG_CHROMIUM || '/usr/bin/chromium';
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
    await page.goto(`${web}/chat?lang=${lang}`);
    await page.waitForSelector('#start:not([hidden])');
    await play(page, web);
  } catch (error) {
    fail(error.message);
  } finally {
    await browser.close();
  }
}

// The agent answers a call the page is on (or the page answered): active,
// and the agent's tone is heard.
export async function hearAgent(page) {
  await page.waitForFunction(() => window.qidongCall.stats.state === 'active');
  await page.waitForFunction((f) => window.qidongCall.power(f) > 0.01, AGENT_TONE);
}
