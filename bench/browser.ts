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
  /** From the start of navigation to the first bot message in the transcript, in ms. */
  firstMessageMs: number;
  /** Bytes received for the page and everything it loaded (compressed, as on the wire). */
  wireBytes: number;
  /** The Web Chat bundle alone, on the wire. */
  bundleWireBytes: number;
  /** When the bundle's last byte arrived, in ms from the start of navigation. */
  bundleArrivedMs: number;
  /** When the deferred scripts (Web Chat's bundle included) had run: DOMContentLoaded, in ms. */
  scriptsRanMs: number;
}

/**
 * One cold visit at phone size in a new browser context (its own empty cache). The time comes from the
 * page's own clock: performance.now() counts from the start of navigation.
 */
export async function coldLoad(browser: Browser, url: string, firstText: string): Promise<ColdLoad> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const bytes = new Map<string, number>();
    const urls = new Map<string, string>();
    cdp.on('Network.responseReceived', (event) => urls.set(event.requestId, event.response.url));
    cdp.on('Network.loadingFinished', (event) => bytes.set(event.requestId, event.encodedDataLength));
    await page.goto(url);
    // Web Chat shows typographic quotes (I’m for I'm): compare without them.
    const start = firstText.slice(0, 30).replace(/['’]/g, '');
    const firstMessageMs = await page.evaluate<number>(
      `new Promise((resolve) => {
        const seen = () => Array.from(document.querySelectorAll('.webchat__bubble__content')).some((el) => el.textContent.replace(/['\u2019]/g, '').includes(${JSON.stringify(start)}));
        if (seen()) return resolve(performance.now());
        new MutationObserver((_, observer) => {
          if (seen()) { observer.disconnect(); resolve(performance.now()); }
        }).observe(document.body, { childList: true, subtree: true, characterData: true });
      })`,
    );
    const timing = await page.evaluate<{ bundleArrivedMs: number; scriptsRanMs: number }>(`(() => {
      const bundle = performance.getEntriesByType('resource').find((e) => /\\/webchat\\/webchat\\./.test(e.name));
      const nav = performance.getEntriesByType('navigation')[0];
      return { bundleArrivedMs: bundle ? bundle.responseEnd : -1, scriptsRanMs: nav ? nav.domContentLoadedEventEnd : -1 };
    })()`);
    let wireBytes = 0;
    let bundleWireBytes = 0;
    for (const [id, size] of bytes) {
      wireBytes += size;
      if (/\/webchat\/webchat\.[0-9a-f]+\.js$/.test(urls.get(id) ?? '')) bundleWireBytes += size;
    }
    return {
      firstMessageMs: Math.round(firstMessageMs),
      wireBytes,
      bundleWireBytes,
      bundleArrivedMs: Math.round(timing.bundleArrivedMs),
      scriptsRanMs: Math.round(timing.scriptsRanMs),
    };
  } finally {
    await context.close();
  }
}
