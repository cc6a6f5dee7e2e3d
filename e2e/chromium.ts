/** Where the browser tests find Chromium. */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Chromium: $CHROMIUM_PATH, else Debian's /usr/bin/chromium; a clear message when there is none. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'The browser tests need Chromium and found none. Install it with `sudo apt-get install -y chromium` ' +
        '(Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome binary.',
    );
  }
  return found;
}

/** Headless Chromium with the flags this sandbox needs (no sandbox, no background networking). */
export async function launch(extraArgs: readonly string[] = []): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
  // Every page keeps its uncaught errors and console errors, so that a test that waits in vain can say what went
  // wrong (waitForLive in browser.ts) even when it listened to nothing.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await context.addInitScript(recordErrors);
    return context;
  };
  return browser;
}

/** Runs in the page before its scripts: keeps what it reports as errors in `window.__errors`. */
function recordErrors(): void {
  const errors: string[] = [];
  (window as unknown as { __errors: string[] }).__errors = errors;
  const keep = (text: string) => errors.length < 20 && errors.push(text.slice(0, 500));
  window.addEventListener('error', (e) => keep(`error: ${e.message}`));
  window.addEventListener('unhandledrejection', (e) => keep(`unhandled rejection: ${String(e.reason)}`));
  const consoleError = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    keep(`console.error: ${args.map(String).join(' ')}`);
    consoleError(...args);
  };
}
