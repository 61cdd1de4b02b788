// The course's deep models in the page: on a small course-layout data set (60 + 20
// pictures, examples/make_h5.rs), the two-layer [12288, 7, 1] and the L-layer
// [12288, 20, 7, 5, 1] models with the course's initialisation reach exactly the
// accuracies the native float64 reference gives (tests/fixtures/cats-e2e-expected.json,
// kept current by tests/engine_cats_reference.rs), the cost table lists the course's
// lines, the first layer's units are pictures, the page keeps painting while it
// trains, and bad arguments to CatLab throw in both languages without losing its state.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { useLab, openLab, settle, typeInto, ARTIFACTS } from './harness.mjs';

const lab = useLab();
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const H5 = `${ARTIFACTS}h5/`;
const expected = JSON.parse(await readFile(`${ROOT}tests/fixtures/cats-e2e-expected.json`, 'utf8'));

before(() => {
  execFileSync('cargo', ['run', '--quiet', '--example', 'make_h5', '--', H5], { cwd: ROOT, stdio: 'inherit' });
});

/** The page's Python-style float: what the notebook prints for J. */
const py = (x) => String(x);

async function loadSmallSet(page) {
  const files = [];
  for (const name of ['course_small_train.h5', 'course_small_test.h5']) {
    files.push({ name, mimeType: 'application/octet-stream', buffer: await readFile(`${H5}${name}`) });
  }
  await page.setInputFiles('#cats-h5-files', files);
  await page.waitForFunction(() => document.querySelector('#cats-source').dataset.source === 'course');
}

/** Frames painted in one second (requestAnimationFrame callbacks). */
const framesInOneSecond = (page) => page.evaluate(() => new Promise((resolve) => {
  let n = 0;
  const start = performance.now();
  const tick = () => (performance.now() - start < 1000 ? (n += 1, requestAnimationFrame(tick)) : resolve(n));
  requestAnimationFrame(tick);
}));

for (const [name, preset] of [['two-layer', 'cats-preset-two'], ['l-layer', 'cats-preset-deep']]) {
  test(`the ${name} model with the course's initialisation reaches the native reference's accuracies`, async () => {
    const { page, context, errors } = await openLab(lab.browser, lab.server.url, { hash: '#tab=cats', height: 1400 });
    await page.waitForSelector('#cats-formula[data-index]');
    await loadSmallSet(page);
    await page.click(`#${preset}`);
    await settle(page);
    assert.equal(await page.inputValue('#cats-init'), 'course');
    assert.deepEqual([await page.inputValue('#cats-rate'), await page.inputValue('#cats-iterations')], ['0.0075', '2500']);
    await typeInto(page, 'cats-iterations', 1000);
    assert.match(page.url(), name === 'l-layer' ? /cat-hidden=20,7,5/ : /cat-model=hidden/);
    await page.click('#cats-train-start');
    if (name === 'l-layer') {
      await page.waitForFunction(() => Number(document.querySelector('#view-cats').dataset.iteration) > 10);
      const frames = await framesInOneSecond(page);
      assert.ok(frames >= 30, `${frames} frames in 1 s while training`);
    }
    await page.waitForFunction(() => document.querySelector('#view-cats').dataset.state === 'done', null, { timeout: 180000 });
    await settle(page);
    const want = expected[name];
    assert.equal(Number(await page.getAttribute('#cats-accuracy', 'data-train')), want.train);
    assert.equal(Number(await page.getAttribute('#cats-accuracy', 'data-test')), want.test);
    // The course's table: every 100 iterations and the last, J within 1e-9 of the reference.
    const lines = (await page.textContent('#cats-cost-table')).split('\n');
    assert.equal(lines.length, 11);
    for (const [i, cost] of want.costs) {
      const line = lines.find((l) => l.startsWith(`Cost after iteration ${i}: `));
      assert.ok(line, `no line for iteration ${i}`);
      const shown = Number(line.split(': ')[1]);
      assert.ok(Math.abs(shown - cost) <= 1e-9 * cost, `${line} vs ${py(cost)}`);
    }
    assert.match(lines[10], /^Cost after iteration 999: 0\.\d+$/);
    // The first layer's units, small; the one pointed at is drawn large.
    const units = name === 'l-layer' ? 20 : 7;
    assert.equal(await page.locator('#cats-units canvas').count(), units);
    await page.hover('#cats-units canvas[data-unit="2"]');
    await settle(page);
    assert.equal(await page.getAttribute('#cats-template', 'data-unit'), '2');
    assert.match(await page.textContent('#cats-template-note'), new RegExp(`^Unit 3 of ${units} in the first hidden layer`));
    await page.locator('#cats-train').screenshot({ path: `${ARTIFACTS}cats-${name}-en.png` });
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('CatLab trains any depth from JS; bad arguments throw in both languages and the lab keeps its state', async () => {
  const { page, context, errors } = await openLab(lab.browser, lab.server.url, { hash: '#tab=cats&lang=zh', locale: 'zh-CN' });
  const bytes = (name) => readFile(`${H5}${name}`).then((b) => [...b]);
  const result = await page.evaluate(async ([train, test]) => {
    const { CatLab } = window.wasmBindings;
    const cats = new CatLab();
    cats.loadHdf5(new Uint8Array(train), new Uint8Array(test));
    const snap = cats.train({ model: 'hidden', hidden: [20, 7, 5], init: 'course', learningRate: 0.0075, iterations: 1000 });
    const thrown = [];
    for (const options of [{ model: 'hidden', hidden: [7, 0] }, { model: 'hidden', hidden: 'big' }, { model: 'hidden', init: 'numpy' }, { model: 'hidden', hidden: [1000, 1000], iterations: 100000 }]) {
      try { cats.start(options); thrown.push(null); } catch (e) { thrown.push(e.message); }
    }
    const after = cats.snapshot();
    return { train: snap.trainAccuracy, test: snap.testAccuracy, layers: snap.layers, init: snap.init, table: cats.costTable(), units: cats.units().length, thrown, afterIteration: after.iteration, afterState: after.state };
  }, [await bytes('course_small_train.h5'), await bytes('course_small_test.h5')]);
  assert.deepEqual([result.train, result.test], [expected['l-layer'].train, expected['l-layer'].test]);
  assert.deepEqual(result.layers, [12288, 20, 7, 5, 1]);
  assert.equal(result.init, 'course');
  assert.equal(result.table.length, 11);
  assert.equal(result.units, 20);
  assert.match(result.thrown[0], /Hidden layers: 1 to 8 sizes .* \/ 隐藏层：.*\(bad-hidden\)/);
  assert.match(result.thrown[1], /hidden must be a number of units or an array .* \(api-hidden\)/);
  assert.match(result.thrown[2], /init must be 'course', 'course-deep' or 'seeded', not 'numpy'.*\(api-init\)/);
  assert.match(result.thrown[3], /would take about \d+ s and \d+ MB .*秒.*\(too-big\)/);
  // The refused starts left the trained run as it was.
  assert.deepEqual([result.afterIteration, result.afterState], [1000, 'done']);
  assert.deepEqual(errors, []);
  await context.close();
});
