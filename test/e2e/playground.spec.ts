/**
 * The playground in a real browser: headless Chromium (driven by playwright-core) opens the built
 * gateway's /graphql like a person would, finds the example operations as tabs, runs one and sees
 * the result. Every request the page makes must go to the gateway itself (the bundle is offline:
 * no CDN), and the page must log no error (a CSP violation would).
 *
 * The gateway runs only trusted documents (GATEWAY_TRUSTED_DOCUMENTS_ONLY) on the embedded
 * emulator: the development playground still runs its query text.
 *
 * The browser is `CHROMIUM_PATH`, else the system's Chromium, else the one the `@sparticuz/chromium`
 * devDependency ships (support/browser.ts): `npm install` is all this test needs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { resolveBrowser } from './support/browser';
import { ensureBuilt, ROOT } from './support/build';
import { startGatewayProcess, type GatewayProcess } from './support/process';

jest.setTimeout(180_000);

describe('the playground in headless Chromium', () => {
  let gw: GatewayProcess;
  let context: BrowserContext;
  let profile: string;

  beforeAll(async () => {
    const browser = await resolveBrowser();
    await ensureBuilt();
    gw = await startGatewayProcess({
      LOG_LEVEL: 'warn',
      GATEWAY_TRUSTED_DOCUMENTS: join(ROOT, 'operations', 'persisted-documents.json'),
      GATEWAY_TRUSTED_DOCUMENTS_ONLY: 'true',
    });
    profile = mkdtempSync(join(tmpdir(), 'gw-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: browser.executablePath,
      headless: true,
      args: browser.args,
    });
  });

  afterAll(async () => {
    await context?.close();
    await gw?.dispose();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('loads offline from the gateway, shows the example operations, runs one and shows the result', async () => {
    const page = await context.newPage();
    const requested: string[] = [];
    const problems: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));

    const response = await page.goto(`${gw.baseUrl}/graphql`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.waitForSelector('.graphiql-container', { timeout: 30_000 });

    // One tab per operations/*.graphql file, named after its operation.
    const tabs = page.locator('.graphiql-tab');
    await expect(tabs.count()).resolves.toBeGreaterThanOrEqual(6);
    await page.locator('.graphiql-tab', { hasText: 'Regions' }).first().click();
    await page.locator('.graphiql-query-editor').filter({ hasText: 'query Regions' }).waitFor();

    const [executed] = await Promise.all([
      page.waitForResponse(
        (r) => r.url() === `${gw.baseUrl}/graphql` && r.request().method() === 'POST' && (r.request().postData() ?? '').includes('query Regions'),
        { timeout: 60_000 },
      ),
      page.locator('.graphiql-execute-button').click(),
    ]);
    expect(executed.status()).toBe(200);
    try {
      await page.locator('.result-window').filter({ hasText: 'cn-hangzhou' }).waitFor({ timeout: 30_000 });
    } catch (error) {
      const shown = await page.locator('.result-window').textContent();
      throw new Error(`no result shown; result pane: ${shown}; page problems: ${problems.join(' | ')}; ${String(error)}`);
    }
    const result = (await page.locator('.result-window').textContent()) ?? '';
    expect(result).toContain('"regionId": "cn-hangzhou"');
    expect(result).not.toContain('"errors"');
    await page.screenshot({ path: join(tmpdir(), 'gateway-playground.png') });

    const origin = new URL(gw.baseUrl).origin;
    const foreign = requested.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'));
    expect(foreign).toEqual([]);
    expect(requested.some((url) => url === `${origin}/graphql`)).toBe(true);
    expect(problems).toEqual([]);
  });

  it('is also at /playground, and the assets are immutable and typed', async () => {
    const page = await context.newPage();
    const response = await page.goto(`${gw.baseUrl}/playground`);
    expect(response?.status()).toBe(200);
    await page.waitForSelector('.graphiql-container', { timeout: 30_000 });
    const js = await page.request.get(`${gw.baseUrl}/playground/playground.js`);
    expect(js.headers()['content-type']).toMatch(/^text\/javascript/);
    expect(js.headers()['cache-control']).toContain('immutable');
  });
});
