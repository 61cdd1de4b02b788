// The page as a whole: both languages everywhere, the default follows the
// browser, a bad link is explained, and screenshots to look at.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { useLab, openLab, click, settle, clickTimes, typeInto, ARTIFACTS } from './harness.mjs';

const lab = useLab();
before(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
});

/** Texts of every translated element, and labels of every control. */
const texts = (page) =>
  page.$$eval('[data-i18n], [data-i18n-aria]', (els) =>
    els.map((el) => (el.hasAttribute('data-i18n') ? el.textContent : el.getAttribute('aria-label'))));

test('the language follows the browser and the toggle switches every string', async () => {
  const { page, context, errors } = await openLab(lab.browser, lab.server.url, { locale: 'zh-CN' });
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.match(await page.textContent('h1'), /反向传播实验室/);
  const zh = await texts(page);
  assert.ok(zh.every((t) => t && t !== '?'), 'an empty or missing string');
  await clickTimes(page, 'step', 1);
  assert.match(await page.textContent('#phase-title'), /[\u4e00-\u9fff]/);
  await click(page, 'lang-toggle');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match(await page.textContent('h1'), /Backprop Lab/);
  const en = await texts(page);
  assert.equal(en.length, zh.length);
  assert.ok(en.every((t, i) => t && t !== '?' && (t !== zh[i] || /^[\sx₁₂y=.\d-]*$/.test(t))));
  assert.doesNotMatch(await page.textContent('#phase-title'), /[\u4e00-\u9fff]/);
  // Every control has an accessible name.
  const unnamed = await page.$$eval('button, input, select', (els) =>
    els.filter((el) => !(el.getAttribute('aria-label') || el.textContent.trim() || el.labels?.length)).map((el) => el.id));
  assert.deepEqual(unnamed, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a bad link is explained and the defaults are used', async () => {
  const { page, context } = await openLab(lab.browser, lab.server.url, { hash: '#lr=abc&preset=cats&lang=zh' });
  await page.waitForSelector('#link-alert:not([hidden])');
  const text = await page.textContent('#link-alert-text');
  assert.ok(text.includes('lr=abc') && text.includes('preset=cats') && /[\u4e00-\u9fff]/.test(text), text);
  assert.equal(await page.inputValue('#net-rate'), '0.5');
  await context.close();
});

test('screenshots in both languages', async () => {
  for (const locale of ['en-US', 'zh-CN']) {
    const { page, context, errors } = await openLab(lab.browser, lab.server.url, { locale, hash: '#rate=1.5', height: 980 });
    await clickTimes(page, 'step', 4);
    await clickTimes(page, 'descent-step', 5);
    const box = await page.locator('#network-canvas').boundingBox();
    const row = page.locator('#edge-table tr[data-edge="2-0-0"]');
    await page.mouse.move(box.x + Number(await row.getAttribute('data-x')), box.y + Number(await row.getAttribute('data-y')));
    await settle(page);
    await page.waitForSelector('#tooltip:not([hidden])');
    await page.screenshot({ path: `${ARTIFACTS}lab-${locale}.png`, fullPage: false });
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('a learner clicking and typing at random never breaks the page', async () => {
  const { page, context, errors } = await openLab(lab.browser, lab.server.url, { hash: '#speed=7' });
  const buttons = ['step', 'step-sample', 'play', 'reset', 'descent-step', 'descent-play', 'descent-reset', 'lang-toggle'];
  const fields = ['x1', 'x2', 'y', 'net-rate', 'descent-rate'];
  const junk = ['abc', '', '1e999', '-0', '3', '50', '0.001', 'NaN', '１', '2,5'];
  let seed = 12345;
  const next = (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (let i = 0; i < 120; i += 1) {
    if (await page.isVisible('#alert') && next(3) === 0) {
      const id = ['alert-restore', 'alert-reset', 'alert-close'][next(3)];
      if (await page.isVisible(`#${id}`)) await click(page, id);
    } else if (next(3) === 0) {
      await typeInto(page, fields[next(fields.length)], junk[next(junk.length)]);
    } else {
      await click(page, buttons[next(buttons.length)]);
    }
  }
  // Still alive: a reset and one step give the tutorial's first phase.
  if (await page.getAttribute('#play', 'aria-pressed') === 'true') await click(page, 'play');
  await typeInto(page, 'x1', '1');
  await typeInto(page, 'x2', '-1');
  await typeInto(page, 'net-rate', '0.5');
  await click(page, 'reset');
  await click(page, 'step');
  assert.equal(await page.getAttribute('#phase-panel', 'data-phase'), 'forward-1');
  assert.ok((await page.textContent('#phase-lines')).includes('[3, -3]'));
  assert.deepEqual(errors, []);
  await context.close();
});
