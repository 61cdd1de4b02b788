// The tabs: one lab shown at a time, the choice kept in the link, and the
// network's keyboard shortcuts only where the network is shown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useLab, openLab, click, press } from './harness.mjs';

const lab = useLab();

const visible = (page) =>
  page.$$eval('main[role="tabpanel"]', (els) => els.filter((el) => !el.hidden).map((el) => el.id));

test('a tab shows its lab alone and the link remembers it', async () => {
  const { page, context, errors } = await openLab(lab.browser, lab.server.url);
  assert.deepEqual(await visible(page), ['view-network']);
  assert.equal(await page.getAttribute('#tab-network', 'aria-selected'), 'true');
  await click(page, 'tab-graph');
  assert.deepEqual(await visible(page), ['view-graph']);
  assert.equal(await page.getAttribute('#tab-graph', 'aria-selected'), 'true');
  assert.equal(await page.getAttribute('#tab-network', 'aria-selected'), 'false');
  assert.match(page.url(), /tab=graph/);
  // Space steps the network only while the network is shown.
  await press(page, ' ');
  await click(page, 'tab-network');
  assert.equal(await page.getAttribute('#phase-panel', 'data-phase'), 'ready');
  assert.doesNotMatch(page.url(), /tab=/);
  await click(page, 'tab-cats');
  assert.deepEqual(await visible(page), ['view-cats']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the network tab opens its own network as a computational graph', async () => {
  const { page, context, errors } = await openLab(lab.browser, lab.server.url);
  await click(page, 'open-network-graph');
  assert.deepEqual(await visible(page), ['view-graph']);
  const labels = await page.$$eval('#graph-nodes li', (items) => items.map((li) => li.dataset.label));
  for (const name of ['w1', 'w5', 'b3', 'x1', 'y', 'J']) assert.ok(labels.includes(name), `${name} in ${labels}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a link opens its tab', async () => {
  const { page, context } = await openLab(lab.browser, lab.server.url, { hash: '#tab=graph&lang=zh' });
  assert.deepEqual(await visible(page), ['view-graph']);
  assert.equal(await page.textContent('#tab-graph'), '② 计算图');
  await context.close();
});

test('a bad tab in a link is explained and the network is shown', async () => {
  const { page, context } = await openLab(lab.browser, lab.server.url, { hash: '#tab=nope' });
  await page.waitForSelector('#link-alert:not([hidden])');
  assert.match(await page.textContent('#link-alert-text'), /tab=nope/);
  assert.deepEqual(await visible(page), ['view-network']);
  await context.close();
});
