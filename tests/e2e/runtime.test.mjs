// The page's one runtime: frames only while something moves, the link holds
// every lab and applies when edited (no reload), Back and Forward step through
// the learner's decisions, and a panic shows a notice with Reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useLab, openLab, click, settle } from './harness.mjs';

const lab = useLab();

const requested = (page) => page.evaluate(() => window.wasmBindings.frameStats().requested);
const visible = (page) =>
  page.$$eval('main[role="tabpanel"]', (els) => els.filter((el) => !el.hidden).map((el) => el.id));

test('an idle page requests no animation frames on any tab; playing does', async () => {
  const { page, context, errors } = await openLab(lab.browser, lab.server.url);
  for (const tab of ['network', 'graph', 'cats']) {
    await click(page, `tab-${tab}`);
    await page.waitForTimeout(300);
    const before = await requested(page);
    await page.waitForTimeout(3000);
    const idle = (await requested(page)) - before;
    console.log(`idle frames in 3 s on the ${tab} tab: ${idle}`);
    assert.equal(idle, 0, `${idle} frames requested in 3 idle seconds on the ${tab} tab`);
  }
  await click(page, 'tab-network');
  const before = await requested(page);
  await click(page, 'play');
  await page.waitForTimeout(1000);
  const playing = (await requested(page)) - before;
  console.log(`frames in 1 s while playing: ${playing}`);
  assert.ok(playing >= 30, `${playing} frames in 1 s while playing`);
  await click(page, 'play');
  await page.waitForTimeout(200);
  const after = await requested(page);
  await page.waitForTimeout(1000);
  assert.equal(await requested(page), after, 'pausing stops the frames');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a link edited in the address bar applies at once, every lab included', async () => {
  const { page, context, errors } = await openLab(lab.browser, lab.server.url);
  await page.evaluate(() => { window.notReloaded = true; });
  await page.evaluate(() => {
    location.hash = '#tab=graph&expr=sigmoid(w*x%20%2B%20b)&values=w:2,x:1,b:-1&graph-rate=0.1&h=0.01';
  });
  await page.waitForFunction(() => document.querySelector('#graph-expression').value === 'sigmoid(w*x + b)');
  await settle(page);
  assert.deepEqual(await visible(page), ['view-graph']);
  assert.equal(await page.inputValue('#graph-rate'), '0.1');
  assert.equal(await page.inputValue('#graph-h'), '0.01');
  const values = await page.$$eval('#graph-values input', (els) => els.map((e) => [e.dataset.name, e.value]));
  assert.deepEqual(values, [['w', '2'], ['x', '1'], ['b', '-1']]);
  // The cat lab's settings come with a link too.
  await page.evaluate(() => { location.hash = '#tab=cats&cat-model=hidden&cat-hidden=5&cat-iterations=300'; });
  await page.waitForFunction(() => document.querySelector('#cats-hidden')?.value === '5');
  assert.equal(await page.inputValue('#cats-iterations'), '300');
  assert.equal(await page.inputValue('#cats-model'), 'hidden');
  // A bad setting is named in both languages' table; the rest applies.
  await page.evaluate(() => { location.hash = '#lr=abc&tab=network&rate=1.5'; });
  await page.waitForSelector('#link-alert:not([hidden])');
  assert.match(await page.textContent('#link-alert-text'), /“lr=abc”: that is not a number/);
  assert.deepEqual(await visible(page), ['view-network']);
  assert.equal(await page.inputValue('#descent-rate'), '1.5');
  assert.equal(await page.evaluate(() => window.notReloaded), true, 'the page was not reloaded');
  assert.deepEqual(errors, []);
  await context.close();
});

test('Back and Forward step through decisions; a slider drag is one entry', async () => {
  const { page, context, errors } = await openLab(lab.browser, lab.server.url);
  await page.waitForTimeout(100);
  const start = await page.evaluate(() => history.length);
  await click(page, 'tab-graph');
  await page.waitForTimeout(50);
  await click(page, 'tab-cats');
  assert.equal(await page.evaluate(() => history.length), start + 2);
  await page.goBack();
  await page.waitForFunction(() => !document.querySelector('#view-graph').hidden);
  await page.goBack();
  await page.waitForFunction(() => !document.querySelector('#view-network').hidden);
  await page.goForward();
  await page.waitForFunction(() => !document.querySelector('#view-graph').hidden);
  await click(page, 'tab-network');
  // Dragging the rate slider across twenty stops adds one history entry, not twenty.
  const before = await page.evaluate(() => history.length);
  await page.evaluate(() => {
    const slider = document.querySelector('#net-rate-slider');
    for (let i = 0; i < 20; i += 1) {
      slider.value = String(Number(slider.value) + 1);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    }
  });
  for (let i = 0; i < 5; i += 1) await settle(page);
  const entries = (await page.evaluate(() => history.length)) - before;
  assert.ok(entries <= 1, `${entries} history entries for one drag`);
  assert.match(page.url(), /lr=/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a panic shows a notice in both languages with Reload, and the link survives', async () => {
  const { page, context } = await openLab(lab.browser, lab.server.url, { hash: '#rate=1.5' });
  await page.evaluate(() => { try { window.wasmBindings.panicForTest(); } catch (e) { /* the instance traps */ } });
  await page.waitForSelector('#panic:not([hidden])');
  const text = await page.textContent('#panic-text');
  assert.match(text, /Reload the page/);
  assert.match(text, /重新加载页面/);
  await Promise.all([page.waitForNavigation(), page.click('#panic-reload')]);
  await page.waitForSelector('#backprop-lab[data-ready="true"]');
  assert.ok(await page.isHidden('#panic'));
  assert.equal(await page.inputValue('#descent-rate'), '1.5');
  await context.close();
});
