import "server-only";
import { type Browser, chromium } from "playwright-core";

/**
 * PDFs printed by Debian's Chromium (playwright-core; Playwright cannot download its own browser
 * here). One browser per server process, started on the first PDF and closed after a minute idle;
 * at most MAX_PAGES pages print at once and the rest wait, so a burst of downloads cannot start a
 * crowd of renderers. Playwright closes the browser when the process exits or is signalled.
 */
const MAX_PAGES = 2;
const IDLE_MS = 60_000;

type Pool = {
  browser: Promise<Browser> | null;
  active: number;
  waiting: (() => void)[];
  idle: ReturnType<typeof setTimeout> | null;
};

const globalForPdf = globalThis as unknown as { chitieuPdf?: Pool };

function pool(): Pool {
  globalForPdf.chitieuPdf ??= { browser: null, active: 0, waiting: [], idle: null };
  return globalForPdf.chitieuPdf;
}

function launch(p: Pool): Promise<Browser> {
  const launched = chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
      "--no-first-run",
    ],
  });
  p.browser = launched;
  launched.then(
    (b) =>
      b.on("disconnected", () => {
        if (p.browser === launched) p.browser = null;
      }),
    () => {
      if (p.browser === launched) p.browser = null;
    },
  );
  return launched;
}

async function acquire(p: Pool): Promise<void> {
  if (p.idle) {
    clearTimeout(p.idle);
    p.idle = null;
  }
  while (p.active >= MAX_PAGES) await new Promise<void>((resolve) => p.waiting.push(resolve));
  p.active++;
}

function release(p: Pool): void {
  p.active--;
  const next = p.waiting.shift();
  if (next) next();
  else if (p.active === 0) {
    p.idle = setTimeout(() => void closePdfBrowser(), IDLE_MS);
    p.idle.unref?.();
  }
}

/** Prints an HTML page to PDF, page size and margins from its CSS (`@page`). */
export async function htmlToPdf(html: string): Promise<Uint8Array> {
  const p = pool();
  await acquire(p);
  try {
    const browser = await (p.browser ?? launch(p));
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: "load" });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      return new Uint8Array(pdf);
    } finally {
      await context.close();
    }
  } finally {
    release(p);
  }
}

/** Closes the browser (idle, tests, benchmarks); the next PDF starts another. */
export async function closePdfBrowser(): Promise<void> {
  const p = pool();
  if (p.idle) {
    clearTimeout(p.idle);
    p.idle = null;
  }
  const launched = p.browser;
  p.browser = null;
  if (launched) await (await launched.catch(() => null))?.close();
}
