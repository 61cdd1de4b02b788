import { serve, launch } from '/work/wt-net-ui/tests/e2e/harness.mjs';
const [hash = '', out = '/tmp/net-shots/a.png', w = 1280, h = 800, locale = 'en-US', full = '1'] = process.argv.slice(2);
const server = await serve();
const browser = await launch();
const context = await browser.newContext({ locale, viewport: { width: +w, height: +h } });
const page = await context.newPage();
const errors = [];
page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
page.on('pageerror', (e) => errors.push(String(e)));
await page.goto(server.url + hash);
await page.waitForSelector('#backprop-lab[data-ready="true"]');
await page.waitForTimeout(400);
if (process.env.PLAY) { await page.click('#play'); await page.waitForTimeout(+process.env.PLAY); await page.click('#play'); await page.waitForTimeout(200);}
await page.screenshot({ path: out, fullPage: full === '1' });
console.log(JSON.stringify(errors), await page.textContent('#data-status'), page.url().split('#')[1]);
await browser.close(); await server.close();
