import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { loadContent } from '../../src/content/loader';
import { makeTempDir, startTestApp, type TestApp } from '../support/app';

/*
 * The page in a real browser: Debian's chromium, driven by playwright-core, at phone size.
 * .ci/run installs chromium; on a machine without it this suite is skipped and says why.
 */
const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(__dirname, '..', 'artifacts');
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const content = loadContent('en');
const available = existsSync(CHROMIUM);
if (!available) {
  process.stderr.write(`Browser test skipped: ${CHROMIUM} not found. Install it with: apt-get update && apt-get install -y chromium\n`);
}

(available ? describe : describe.skip)('the chat page in headless Chromium (390x844)', () => {
  jest.setTimeout(120_000);
  let t: TestApp;
  let profile: string;
  let browser: BrowserContext;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    profile = makeTempDir('chromium-profile-');
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 1,
      isMobile: true,
      hasTouch: true,
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await t?.stop();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  // A message as shown in the transcript, found by how it begins: Web Chat renders markdown, with
  // typographic quotes (I’m) and links that carry extra text for screen readers.
  const bubble = (text: string) => {
    const start = text.slice(0, 40).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]");
    return page.getByRole('paragraph').filter({ hasText: new RegExp(`^${start}`) });
  };
  // A string, because the tests are type-checked without the DOM library.
  const stored = async (): Promise<{ userId?: string; conversationId?: string }> =>
    page.evaluate("JSON.parse(localStorage.getItem('steady.chat.v1') || '{}')");

  test('opens, shows the welcome, takes an answer, keeps the history across a reload, and starts fresh', async () => {
    await page.goto(`${t.baseUrl}/`);
    await expect(page.getByRole('heading', { name: content.text('webpage.name') }).isVisible()).resolves.toBe(true);
    await bubble(content.text('welcome.greeting')).waitFor();
    await bubble(content.text('menu.prompt')).waitFor();
    const person = await stored();
    expect(person.userId).toMatch(/^dl_/);
    // The page streams over the Direct Line WebSocket rather than polling.
    expect(t.app.directLine.stream.openSockets).toBe(1);

    // Answer with a suggested-action button, as a person would tap it.
    await page.getByRole('button', { name: content.text('menu.options.about') }).first().click();
    await bubble(content.text('about.text')).waitFor();
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'webchat-phone.png') });

    // Type an answer in the send box too.
    const sendBox = page.getByRole('textbox').first();
    await sendBox.fill('1');
    await sendBox.press('Enter');
    await bubble(content.text('support.text')).waitFor();

    await page.reload();
    await bubble(content.text('support.text')).waitFor();
    await bubble(content.text('about.text')).waitFor();
    expect(await bubble(content.text('welcome.greeting')).count()).toBe(1);
    expect((await stored()).userId).toBe(person.userId);
    await page.screenshot({ path: join(ARTIFACTS, 'webchat-phone-after-reload.png') });

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: content.text('webpage.startFresh') }).click();
    await page.waitForLoadState('load');
    await bubble(content.text('welcome.greeting')).waitFor();
    const fresh = await stored();
    expect(fresh.userId).toMatch(/^dl_/);
    expect(fresh.userId).not.toBe(person.userId);
    expect(await bubble(content.text('about.text')).count()).toBe(0);

    expect(problems.filter((p) => /Content Security Policy|Refused to/i.test(p))).toEqual([]);
  });

  test('the privacy link opens the policy', async () => {
    await page.goto(`${t.baseUrl}/`);
    await page.getByRole('link', { name: content.text('webpage.privacyLink') }).click();
    await page.getByRole('heading', { name: content.text('webpage.privacyTitle') }).waitFor();
    const firstParagraph = content.text('privacy.page').split(/\n\s*\n/)[0];
    await expect(page.getByText(firstParagraph).isVisible()).resolves.toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'privacy-phone.png') });
  });
});
