// The cold first visit to the chat page in Debian's Chromium, measured the same way by the benchmark
// (bench/webchatLoad.ts) and the browser test (tests/browser/webchat.test.ts). Imports nothing from
// bench/lib.ts, which expects to run from dist/.
import type { Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
/** The flags this machine needs (no sandbox as root, no background calls to Google's hosts). */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface ColdLoad {
  /**
   * From the start of navigation to the bot's first message on screen, in ms: the page's own early
   * bubble (shown while Web Chat's bundle runs) or Web Chat's, whichever came first.
   */
  firstMessageMs: number;
  /** From the start of navigation to the first message in Web Chat's transcript (buttons and all). */
  webChatMessageMs: number;
  /** Bytes received for the page and everything it loaded (compressed, as on the wire). */
  wireBytes: number;
  /** The Web Chat bundle alone, on the wire. */
  bundleWireBytes: number;
  /** When the bundle's last byte arrived, in ms from the start of navigation. */
  bundleArrivedMs: number;
  /** When the bundle had run (it defines window.WebChat at its end), in ms. */
  webChatRanMs: number;
}

/**
 * Watches the page from its first byte (an init script runs before any of the page's own): when a
 * bubble with `start` in it first shows, early or in Web Chat, and when Web Chat's bundle has run.
 * Times are the page's own clock: performance.now() counts from the start of navigation.
 */
const watcher = (start: string) => `(() => {
  const seen = { first: -1, webChat: -1, webChatRan: -1 };
  window.__coldLoad = seen;
  let webChat;
  Object.defineProperty(window, 'WebChat', {
    configurable: true,
    get: () => webChat,
    set: (value) => { webChat = value; if (seen.webChatRan < 0) seen.webChatRan = performance.now(); },
  });
  const has = (selector) => Array.from(document.querySelectorAll(selector)).some((el) => el.textContent.replace(/['\u2019]/g, '').includes(${JSON.stringify(start)}));
  const check = () => {
    const now = performance.now();
    if (seen.first < 0 && has('.early-bubble, .webchat__bubble__content')) seen.first = now;
    if (seen.webChat < 0 && has('.webchat__bubble__content')) seen.webChat = now;
    return seen.webChat >= 0;
  };
  new MutationObserver((_, observer) => { if (check()) observer.disconnect(); })
    .observe(document, { childList: true, subtree: true, characterData: true });
})()`;

/** One cold visit at phone size in a new browser context (its own empty cache). */
export async function coldLoad(browser: Browser, url: string, firstText: string): Promise<ColdLoad> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const bytes = new Map<string, number>();
    const urls = new Map<string, string>();
    cdp.on('Network.responseReceived', (event) => urls.set(event.requestId, event.response.url));
    cdp.on('Network.loadingFinished', (event) => bytes.set(event.requestId, event.encodedDataLength));
    // Web Chat shows typographic quotes (I’m for I'm): compare without them.
    await page.addInitScript(watcher(firstText.slice(0, 30).replace(/['’]/g, '')));
    await page.goto(url);
    // (A promise rather than waitForFunction: that evaluates a string, which the page's CSP refuses.)
    await page.evaluate(`new Promise((resolve) => {
      const poll = () => (window.__coldLoad.webChat >= 0 ? resolve() : setTimeout(poll, 50));
      poll();
    })`);
    const timing = await page.evaluate<{
      first: number;
      webChat: number;
      webChatRan: number;
      bundleArrivedMs: number;
    }>(`(() => {
      const bundle = performance.getEntriesByType('resource').find((e) => /\\/webchat\\/webchat\\./.test(e.name));
      return { ...window.__coldLoad, bundleArrivedMs: bundle ? bundle.responseEnd : -1 };
    })()`);
    let wireBytes = 0;
    let bundleWireBytes = 0;
    for (const [id, size] of bytes) {
      wireBytes += size;
      if (/\/webchat\/webchat\.[0-9a-f]+\.js$/.test(urls.get(id) ?? '')) bundleWireBytes += size;
    }
    return {
      firstMessageMs: Math.round(timing.first),
      webChatMessageMs: Math.round(timing.webChat),
      wireBytes,
      bundleWireBytes,
      bundleArrivedMs: Math.round(timing.bundleArrivedMs),
      webChatRanMs: Math.round(timing.webChatRan),
    };
  } finally {
    await context.close();
  }
}
