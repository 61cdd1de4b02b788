// The computational-graph tab (#tab=graph): the tutorial's J = 3(a + b·c) stepped
// forward and backward, a nudge, an update, refused expressions that leave the
// graph on screen, a typed expression drawn, Chinese, the network preset, the
// GraphLab API from a teacher's page, and screenshots on a laptop and a phone.
// Numbers are read from the node list's data attributes, never from pixels.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readdir } from 'node:fs/promises';
import { useLab, openLab, click, clickTimes, typeInto, settle, serve, launch, DIST, ARTIFACTS } from './harness.mjs';

const lab = useLab();
before(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
});

/** Opens the graph tab and waits until it has painted. */
async function openGraph(options = {}) {
  const opened = await openLab(lab.browser, lab.server.url, { hash: '#tab=graph', ...options });
  await opened.page.waitForSelector('#view-graph[data-ready="true"]', { timeout: 30000 });
  return opened;
}

/** `data-<name>` of the node labelled `label`, as a number (NaN if not known yet). */
async function nodeNumber(page, label, name) {
  const text = await page.getAttribute(`#graph-nodes li[data-label="${label}"]`, `data-${name}`);
  return text === '' || text === null ? NaN : Number(text);
}

const labels = (page) => page.$$eval('#graph-nodes li', (items) => items.map((li) => li.dataset.label));
const canvasPixels = (page) => page.$eval('#graph-canvas', (c) => c.toDataURL());
const near = (a, b, tol = 1e-9) => Math.abs(a - b) <= tol;
const sigmoid = (x) => 1 / (1 + Math.exp(-x));

test('the tutorial graph steps forward and backward node by node', async () => {
  const { page, context, errors } = await openGraph();
  assert.equal(await page.isVisible('#view-graph'), true);
  assert.equal(await page.isVisible('#view-network'), false);
  assert.deepEqual((await labels(page)).sort(), ['3', 'J', 'a', 'b', 'c', 'u', 'v']);
  assert.ok(Number.isNaN(await nodeNumber(page, 'u', 'value')), 'u is not computed yet');
  const ready = await canvasPixels(page);
  for (const [label, value] of [['u', 6], ['v', 11], ['J', 33]]) {
    await click(page, 'graph-forward');
    assert.equal(await nodeNumber(page, label, 'value'), value);
    assert.equal(await page.getAttribute('#graph-status', 'data-cursor'), label);
  }
  assert.match(await page.textContent('#graph-status'), /J = 3 × v = 3 × 11 = 33/);
  assert.notEqual(await canvasPixels(page), ready, 'the canvas shows the new values');
  await clickTimes(page, 'graph-backward', 7);
  assert.equal(await page.getAttribute('#graph-status', 'data-direction'), 'done');
  for (const [label, g] of [['a', 3], ['b', 6], ['c', 9], ['v', 3], ['J', 1]]) {
    assert.equal(await nodeNumber(page, label, 'gradient'), g, `dJ/d${label}`);
  }
  const chain = await page.textContent('#graph-chain');
  assert.ok(chain.includes('dJ/db = dJ/dv · dv/du · du/db = 3 · 1 · 2 = 6'), chain);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a nudge shows the derivative as a ratio; an update makes J fall', async () => {
  const { page, context, errors } = await openGraph();
  await page.click('#graph-nodes li[data-label="v"] .node-nudge');
  await settle(page);
  assert.ok(near(Number(await page.getAttribute('#graph-nudge', 'data-output-after')), 33.003));
  const lines = await page.textContent('#graph-nudge-lines');
  assert.ok(lines.includes('v: 11 → 11.001 makes J 33 → 33.003, so dJ/dv ≈ ΔJ/Δv = 0.003/0.001 = 3'), lines);
  // Select a on the canvas (at its box's centre), then nudge it with the toolbar's button.
  const box = await page.locator('#graph-canvas').boundingBox();
  const a = page.locator('#graph-nodes li[data-label="a"]');
  await page.mouse.click(box.x + Number(await a.getAttribute('data-x')), box.y + Number(await a.getAttribute('data-y')));
  await settle(page);
  assert.match(await a.getAttribute('class'), /selected/);
  await clickTimes(page, 'graph-backward-all', 1);
  await click(page, 'graph-nudge');
  assert.equal(await page.getAttribute('#graph-nudge', 'data-label'), 'a');
  assert.match(await page.textContent('#graph-nudge-lines'), /The chain rule gives dJ\/da = 3/);
  await typeInto(page, 'graph-rate', '0.01');
  await click(page, 'graph-update');
  const history = (await page.getAttribute('#graph-history', 'data-values')).split(',').map(Number);
  assert.equal(history.length, 2);
  assert.ok(near(history[1], 3 * (4.97 + 2.94 * 1.91)) && history[1] < history[0], String(history));
  assert.ok((await page.textContent('#graph-update-lines')).includes('a′ = a − r · dJ/da = 5 − 0.01 · 3 = 4.97'));
  await click(page, 'graph-update');
  const again = (await page.getAttribute('#graph-history', 'data-values')).split(',').map(Number);
  assert.ok(again.length === 3 && again[2] < again[1]);
  await typeInto(page, 'graph-rate', '-1');
  assert.equal(await page.isVisible('#graph-error'), true);
  assert.equal(await page.getAttribute('#graph-rate', 'aria-invalid'), 'true');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a refused expression is explained at its column and the old graph stays', async () => {
  const { page, context, errors } = await openGraph();
  const cases = [
    ['3*(a+', '6', /Column 6/],
    ['foo(x)', '1', /no function “foo”/],
    ['log(a-5)', '1', /log needs a positive number/],
    ['1/(a-a)', '2', /division by zero/],
  ];
  for (const [text, column, message] of cases) {
    await typeInto(page, 'graph-expression', text);
    assert.equal(await page.isVisible('#graph-error'), true, text);
    assert.equal(await page.getAttribute('#graph-error', 'data-column'), column, text);
    assert.match(await page.textContent('#graph-error-text'), message);
    const caret = await page.textContent('#graph-error-caret');
    assert.equal(caret, `${text}\n${' '.repeat(Number(column) - 1)}^`);
    assert.deepEqual((await labels(page)).sort(), ['3', 'J', 'a', 'b', 'c', 'u', 'v'], 'the old graph stays');
    assert.equal(await page.getAttribute('#graph-expression', 'aria-invalid'), 'true');
  }
  // The old graph is still usable.
  await click(page, 'graph-forward');
  assert.equal(await nodeNumber(page, 'u', 'value'), 6);
  assert.equal(await page.isVisible('#graph-error'), false);
  const before = await canvasPixels(page);
  await typeInto(page, 'graph-expression', 'sigmoid(w*x + b)');
  assert.equal(await page.isVisible('#graph-error'), false);
  assert.deepEqual((await labels(page)).sort(), ['J', 'b', 'u', 'v', 'w', 'x']);
  // New variables start at 1; b keeps the tutorial's 3.
  assert.equal(await page.inputValue('#graph-values input[data-name="w"]'), '1');
  assert.equal(await page.inputValue('#graph-values input[data-name="b"]'), '3');
  await click(page, 'graph-forward-all');
  assert.ok(near(await nodeNumber(page, 'J', 'value'), sigmoid(4), 1e-12));
  assert.notEqual(await canvasPixels(page), before, 'the new graph is drawn');
  await typeInto(page, 'graph-values input[data-name="w"]', '2');
  await click(page, 'graph-forward-all');
  assert.ok(near(await nodeNumber(page, 'J', 'value'), sigmoid(5), 1e-12));
  await typeInto(page, 'graph-values input[data-name="w"]', 'abc');
  assert.match(await page.textContent('#graph-error-text'), /^w: /);
  assert.equal(await page.getAttribute('#graph-values input[data-name="w"]', 'aria-invalid'), 'true');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the graph tab speaks Chinese', async () => {
  const { page, context, errors } = await openGraph({ locale: 'zh-CN' });
  assert.match(await page.textContent('#graph-title'), /计算图/);
  assert.match(await page.textContent('#graph-status'), /准备就绪/);
  await click(page, 'graph-forward');
  assert.match(await page.textContent('#graph-status'), /^前向 1\/3：u = b × c = 3 × 2 = 6/);
  await typeInto(page, 'graph-expression', '3*(a+');
  assert.match(await page.textContent('#graph-error-text'), /^第 6 列/);
  await click(page, 'lang-toggle');
  assert.match(await page.textContent('#graph-error-text'), /^Column 6/);
  assert.match(await page.textContent('#graph-status'), /^Forward 1\/3/);
  await click(page, 'lang-toggle');
  assert.match(await page.textContent('#graph-status'), /^前向 1\/3/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the network preset has the network tab's gradients", async () => {
  const { page, context, errors } = await openGraph();
  await page.selectOption('#graph-preset', 'network');
  await settle(page);
  assert.equal(await page.isVisible('#graph-note'), true);
  assert.equal(await page.inputValue('#graph-expression'),
    '(w5*sigmoid(w1*x1 + w2*x2 + b1) + w6*sigmoid(w3*x1 + w4*x2 + b2) + b3 - y)^2 / 2');
  await click(page, 'graph-backward-all');
  // L = ½(σ(3) + σ(−3) + 0.1 − 0.5)² = 0.18; ∂L/∂w5 = 0.6·σ(3); ∂L/∂w1 = 0.6·σ'(3)·x1.
  assert.ok(near(await nodeNumber(page, 'J', 'value'), 0.18, 1e-12));
  assert.ok(near(await nodeNumber(page, 'w5', 'gradient'), 0.6 * sigmoid(3), 1e-12));
  assert.ok(near(await nodeNumber(page, 'w1', 'gradient'), 0.6 * sigmoid(3) * (1 - sigmoid(3)), 1e-12));
  await page.selectOption('#graph-preset', 'neuron');
  await settle(page);
  await click(page, 'graph-forward-all');
  const sigma = await page.$eval('#graph-nodes', (list) =>
    [...list.querySelectorAll('li')].find((li) => li.textContent.includes('σ('))?.dataset.value);
  assert.ok(near(Number(sigma), sigmoid(3), 1e-12), `σ node ${sigma}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test("GraphLab works on a teacher's page", async () => {
  const js = (await readdir(DIST)).find((f) => /^backprop-lab.*\.js$/.test(f));
  const html = `<!DOCTYPE html><meta charset="utf-8"><link rel="icon" href="data:,"><body>
<script type="module">
  import init, { GraphLab } from '/${js}';
  await init();
  const g = new GraphLab('3*(a+b*c)', { a: 5, b: 3, c: 2 });
  const steps = [g.forwardStep(), g.forwardStep(), g.forwardStep(), g.forwardStep()];
  const J = g.snapshot().output;
  while (g.backwardStep()) {}
  const s = g.snapshot();
  const grads = Object.fromEntries(s.variables.map((v) => [v.name, v.gradient]));
  const u = s.nodes.find((n) => n.label === 'u');
  const nudge = g.nudge('v', 0.001);
  g.update(0.01);
  const history = g.snapshot().history;
  let error = '';
  try { new GraphLab('3*(a+', { a: 1 }); } catch (e) { error = e.message; }
  const tutorial = GraphLab.tutorial().snapshot().expression;
  window.result = { steps, J, grads, u, edges: s.edges, nudge, history, error, tutorial };
</script>`;
  const server = await serve(DIST, { '/graph-embed.html': html });
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${server.url}graph-embed.html`);
    await page.waitForFunction(() => window.result !== undefined, null, { timeout: 30000 }).catch(() => assert.fail(errors.join('; ')));
    const r = await page.evaluate(() => window.result);
    assert.deepEqual(r.steps, [true, true, true, false]);
    assert.equal(r.J, 33);
    assert.deepEqual(r.grads, { a: 3, b: 6, c: 9 });
    assert.equal(r.u.formula, 'u = b × c');
    assert.equal(r.u.value, 6);
    assert.ok(r.edges.every((e) => typeof e.local === 'number' && typeof e.carried === 'number'));
    assert.ok(near(r.nudge.outputAfter, 33.003) && near(r.nudge.ratio, 3, 1e-6), JSON.stringify(r.nudge));
    assert.ok(near(r.history[1], 3 * (4.97 + 2.94 * 1.91)));
    assert.match(r.error, /Column 6/);
    assert.match(r.error, /第 6 列/);
    assert.equal(r.tutorial, '3(a + b·c)');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await server.close();
  }
});

test('screenshots of the graph tab on a laptop and a phone, in both languages', async () => {
  for (const locale of ['en-US', 'zh-CN']) {
    const { page, context, errors } = await openGraph({ locale, height: 900 });
    await clickTimes(page, 'graph-forward', 3);
    await clickTimes(page, 'graph-backward', 3);
    await page.click('#graph-nodes li[data-label="v"] .node-nudge');
    await settle(page);
    await page.screenshot({ path: `${ARTIFACTS}graph-${locale}.png`, fullPage: true });
    await page.selectOption('#graph-preset', 'network');
    await settle(page);
    await click(page, 'graph-backward-all');
    await page.screenshot({ path: `${ARTIFACTS}graph-network-${locale}.png`, fullPage: false });
    assert.deepEqual(errors, []);
    await context.close();
    const phone = await lab.browser.newContext({ locale, viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
    const p = await phone.newPage();
    await p.goto(`${lab.server.url}#tab=graph`);
    await p.waitForSelector('#view-graph[data-ready="true"]', { timeout: 30000 });
    await clickTimes(p, 'graph-forward', 3);
    // The canvas is wider than the phone: it has scrolled to keep J, just computed, in view.
    const view = await p.evaluate(() => {
      const wrap = document.getElementById('graph-wrap');
      const x = Number(document.querySelector('#graph-nodes li[data-label="J"]').dataset.x);
      return { x, left: wrap.scrollLeft, width: wrap.clientWidth, canvas: wrap.scrollWidth };
    });
    assert.ok(view.canvas > view.width, `the tutorial scrolls on a phone: ${JSON.stringify(view)}`);
    assert.ok(view.x >= view.left && view.x <= view.left + view.width, `J in view: ${JSON.stringify(view)}`);
    await clickTimes(p, 'graph-backward', 7);
    const width = await p.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `the page itself does not scroll sideways (${width} px)`);
    await p.screenshot({ path: `${ARTIFACTS}graph-phone-${locale}.png`, fullPage: true });
    await phone.close();
  }
});
