// The input layer and the cat recognizer (tab "cats"): a picture's pixel and its
// index in the feature vector point at each other in both orders, the drawn demo
// set trains to a stated accuracy while the page stays responsive, the course's
// HDF5 files give their counts, and refused files are named while the data stays.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { useLab, openLab, settle, typeInto, ARTIFACTS } from './harness.mjs';

const lab = useLab();
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const H5 = `${ARTIFACTS}h5/`;

before(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  // Small files in the course's layout, written by hdf5-pure (examples/make_h5.rs).
  execFileSync('cargo', ['run', '--quiet', '--example', 'make_h5', '--', H5], { cwd: ROOT, stdio: 'inherit' });
});

/** Opens the cats tab and waits until its first picture (a drawn sample) is shown. */
async function openCats(options = {}) {
  const opened = await openLab(lab.browser, lab.server.url, { hash: '#tab=cats', ...options });
  await opened.page.waitForSelector('#cats-formula[data-index]');
  return opened;
}

/**
 * PNG bytes of a 128×64 picture drawn in the page: outside the centre square black;
 * inside, pixel (row, col) of the square is R = 4·col, G = 4·row, B = 77.
 */
async function gradientPng(page) {
  const bytes = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 128;
    canvas.height = 64;
    const ctx = canvas.getContext('2d');
    const image = ctx.createImageData(128, 64);
    for (let y = 0; y < 64; y += 1) {
      for (let x = 0; x < 128; x += 1) {
        const k = (y * 128 + x) * 4;
        const inside = x >= 32 && x < 96;
        image.data.set(inside ? [4 * (x - 32), 4 * y, 77, 255] : [0, 0, 0, 255], k);
      }
    }
    ctx.putImageData(image, 0, 0);
    const binary = atob(canvas.toDataURL('image/png').split(',')[1]);
    return Array.from(binary, (c) => c.charCodeAt(0));
  });
  return Buffer.from(bytes);
}

/** Moves the pointer to cell k of the grid drawn on canvas #id (placement from its data-*). */
async function hoverCell(page, id, k, cols) {
  await page.locator(`#${id}`).scrollIntoViewIfNeeded();
  const box = await page.locator(`#${id}`).boundingBox();
  const [x0, y0, cell] = await Promise.all(['data-x0', 'data-y0', 'data-cell'].map(async (a) => Number(await page.getAttribute(`#${id}`, a))));
  await page.mouse.move(box.x + x0 + ((k % cols) + 0.5) * cell, box.y + y0 + (Math.floor(k / cols) + 0.5) * cell);
  await settle(page);
}

const focus = (page) => page.$eval('#cats-formula', (el) => ({ ...el.dataset, text: el.textContent }));

/** Drops files ({name, buffer}) on #id as a drag and drop would. */
async function drop(page, id, files) {
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([new Uint8Array(f.bytes)], f.name));
    return dt;
  }, files.map((f) => ({ name: f.name, bytes: [...f.buffer] })));
  await page.dispatchEvent(`#${id}`, 'drop', { dataTransfer: transfer });
}

const counts = (page) => page.$$eval('#cats-counts td', (tds) => tds.map((td) => Number(td.textContent)));

test('a pixel and its index in the vector point at each other, in both orders', async () => {
  const { page, context, errors } = await openCats();
  const png = await gradientPng(page);
  await page.setInputFiles('#cats-picture-file', { name: 'gradient.png', mimeType: 'image/png', buffer: png });
  await page.waitForFunction(() => document.querySelector('#cats-crop').textContent.startsWith('gradient.png'));
  assert.match(await page.textContent('#cats-crop'), /128×64 px → the centre square 64×64 from x = 32, y = 0/);
  // Pixel (row 10, column 20) of the G matrix: G = 4·10 = 40.
  await hoverCell(page, 'cats-channel-1', 10 * 64 + 20, 64);
  let f = await focus(page);
  assert.equal(f.text, 'channel-first: i = c·4096 + r·64 + col = 1·4096 + 10·64 + 20 = 4756');
  assert.equal(f.value, '40');
  assert.equal(await page.getAttribute('#cats-strip', 'data-highlight'), '4756');
  assert.equal(await page.textContent('#cats-value'), 'value 40 (a level 0–255)');
  assert.equal(await page.textContent('#cats-neighbourhood td.focus'), '40');
  await page.check('#cats-order-pixel');
  await settle(page);
  f = await focus(page);
  assert.equal(f.text, 'pixel-first: i = (r·64 + col)·3 + c = (10·64 + 20)·3 + 1 = 1981');
  assert.equal(await page.getAttribute('#cats-strip', 'data-highlight'), '1981');
  // The other way: vector cell 981 = (5·64 + 7)·3 + 0 is R of pixel (5, 7): R = 4·7 = 28.
  await hoverCell(page, 'cats-strip', 981, 128);
  f = await focus(page);
  assert.deepEqual([f.row, f.col, f.channel, f.index, f.value], ['5', '7', '0', '981', '28']);
  assert.equal(f.text, 'pixel-first: i = (r·64 + col)·3 + c = (5·64 + 7)·3 + 0 = 981');
  await page.check('#cats-order-channel');
  await settle(page);
  assert.equal((await focus(page)).text, 'channel-first: i = c·4096 + r·64 + col = 0·4096 + 5·64 + 7 = 327');
  await page.check('#cats-scaled');
  await settle(page);
  // 28/255 = 0.10980…
  assert.equal(await page.textContent('#cats-value'), 'value 28 → 28/255 = 0.1098');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the drawn demo set trains to at least 85 % test accuracy while the page stays responsive', async () => {
  const { page, context, errors } = await openCats({ height: 1000 });
  await page.click('#cats-demo');
  await settle(page);
  assert.deepEqual(await counts(page), [80, 80, 160, 25, 25, 50]);
  assert.match(await page.textContent('#cats-source'), /synthetic demo set — drawn pictures, not photos/);
  // The course's settings: logistic regression, α = 0.005, 2000 iterations.
  assert.deepEqual([await page.inputValue('#cats-rate'), await page.inputValue('#cats-iterations')], ['0.005', '2000']);
  // 2000 iterations take a fraction of a second now: the longest run the lab allows
  // leaves time to watch the frames and to pause.
  await typeInto(page, 'cats-iterations', 100000);
  await page.click('#cats-train-start');
  await page.waitForFunction(() => Number(document.querySelector('#cats-progress').value) > 5);
  // Responsive: animation frames keep coming while it trains.
  const frames = await page.evaluate(() => new Promise((resolve) => {
    let n = 0;
    const start = performance.now();
    const tick = () => (performance.now() - start < 1000 ? (n += 1, requestAnimationFrame(tick)) : resolve(n));
    requestAnimationFrame(tick);
  }));
  assert.ok(frames >= 30, `${frames} frames in 1 s while training`);
  await page.click('#cats-train-pause');
  await settle(page);
  assert.equal(await page.getAttribute('#view-cats', 'data-state'), 'paused');
  const paused = await page.getAttribute('#view-cats', 'data-iteration');
  await page.waitForTimeout(300);
  assert.equal(await page.getAttribute('#view-cats', 'data-iteration'), paused, 'a paused run does not advance');
  assert.equal(await page.textContent('#cats-train-pause'), 'Resume');
  await page.click('#cats-train-pause');
  // Another tab shown: nothing runs unseen; back on the tab the run waits for Resume.
  await page.click('#tab-network');
  await settle(page);
  assert.equal(await page.getAttribute('#view-cats', 'data-state'), 'paused');
  await page.click('#tab-cats');
  await settle(page);
  assert.equal(await page.getAttribute('#view-cats', 'data-state'), 'paused');
  await page.click('#cats-train-pause');
  await page.waitForFunction(() => document.querySelector('#view-cats').dataset.state === 'done', null, { timeout: 180000 });
  const test = Number(await page.getAttribute('#cats-accuracy', 'data-test'));
  const train = Number(await page.getAttribute('#cats-accuracy', 'data-train'));
  assert.ok(test >= 0.85, `test accuracy ${test}`);
  assert.ok(train >= test, `train accuracy ${train}`);
  assert.match(await page.textContent('#cats-status'), /^Done: 100000 iterations\. Cost J = 0\.\d+\.$/);
  // The first cost is ln 2 (w = 0, b = 0); the last is far below it.
  assert.ok(Number(await page.getAttribute('#cats-cost', 'data-last')) < Math.LN2 / 2);
  assert.equal(await page.getAttribute('#cats-template', 'data-ready'), 'true');
  assert.match(await page.textContent('#cats-wrong-summary'), /of 160 training pictures and \d+ of 50 test pictures/);
  await page.setInputFiles('#cats-predict-file', { name: 'mine.png', mimeType: 'image/png', buffer: await gradientPng(page) });
  await page.waitForFunction(() => document.querySelector('#cats-predict-line').dataset.p !== '');
  const p = Number(await page.getAttribute('#cats-predict-line', 'data-p'));
  assert.ok(p >= 0 && p <= 1);
  assert.match(await page.textContent('#cats-predict-line'), /^mine\.png: p\(cat\) = [\d.e-]+ → (a cat|not a cat)$/);
  // A misclassified test picture, clicked, is shown as numbers in the input layer.
  const wrong = page.locator('#cats-wrong .thumb').first();
  const name = await wrong.getAttribute('aria-label');
  await wrong.click();
  await settle(page);
  assert.ok((await page.textContent('#cats-crop')).startsWith(name.split(' · ')[0]), name);
  await page.screenshot({ path: `${ARTIFACTS}cats-trained-en.png`, fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test("the course's HDF5 files give their counts; refused files are named and the data stays", async () => {
  const { page, context, errors } = await openCats();
  const file = async (name) => ({ name, buffer: await readFile(`${H5}${name}`) });
  await drop(page, 'cats-drop-h5', [await file('e2e_test.h5')]);
  await page.waitForFunction(() => document.querySelector('#cats-note').textContent.includes('now drop the training file'));
  await drop(page, 'cats-drop-h5', [await file('e2e_train.h5')]);
  await page.waitForFunction(() => document.querySelector('#cats-source').dataset.source === 'course');
  assert.deepEqual(await counts(page), [7, 5, 12, 3, 2, 5]);
  assert.equal(await page.textContent('#cats-source'), "Data: the course's files e2e_train.h5 and e2e_test.h5.");
  // A text file among pictures, and a broken training file: one line each, naming them.
  await drop(page, 'cats-drop-cat', [{ name: 'notes.txt', buffer: Buffer.from('just some notes') }]);
  await page.waitForSelector('#cats-problems li[data-file="notes.txt"]');
  assert.equal(await page.textContent('#cats-problems li'), 'notes.txt: not a picture the lab can read (PNG, JPEG, WebP or GIF).');
  await drop(page, 'cats-drop-h5', [{ name: 'train_broken.h5', buffer: Buffer.from('no hdf5 here') }, await file('e2e_test.h5')]);
  await page.waitForSelector('#cats-problems li[data-file="train_broken.h5"]');
  assert.equal(await page.getAttribute('#cats-problems li', 'data-code'), 'not-hdf5');
  assert.deepEqual(await counts(page), [7, 5, 12, 3, 2, 5], 'the loaded data stays');
  await page.click('#lang-toggle');
  await settle(page);
  assert.equal(await page.textContent('#cats-problems li'), 'train_broken.h5：不是本实验室能读取的 HDF5 文件（能读的是课程文件的格式：未压缩、未分块）。');
  assert.match(await page.textContent('#cats-source'), /^数据：课程的数据文件 e2e_train\.h5 和 e2e_test\.h5。$/);
  // Bad settings are refused in the current language and the field is marked.
  await page.fill('#cats-rate', '-1');
  await page.dispatchEvent('#cats-rate', 'change');
  await settle(page);
  assert.equal(await page.getAttribute('#cats-rate', 'aria-invalid'), 'true');
  assert.match(await page.textContent('#cats-problems li'), /学习率必须是大于 0、不超过 10 的数/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('your own pictures: a folder labelled by its sub-folders, split into training and test', async () => {
  const { page, context, errors } = await openCats();
  const png = await gradientPng(page);
  const folder = `${ARTIFACTS}pets/`;
  await rm(folder, { recursive: true, force: true });
  for (const sub of ['cats', 'non-cats']) {
    await mkdir(`${folder}${sub}`, { recursive: true });
    for (let i = 0; i < 4; i += 1) await writeFile(`${folder}${sub}/${i}.png`, png);
  }
  await writeFile(`${folder}notes.txt`, 'not a picture');
  // Picked from the "not cats" box: the sub-folder names decide the labels.
  await page.setInputFiles('#cats-folder-other', folder);
  await page.waitForFunction(() => document.querySelector('#cats-source').dataset.source === 'own');
  // Of 4 per class, round(4 · ¼) = 1 goes to the test set.
  assert.deepEqual(await counts(page), [3, 3, 6, 1, 1, 2]);
  assert.equal(await page.textContent('#cats-problems li'), 'pets/notes.txt: not a picture the lab can read (PNG, JPEG, WebP or GIF).');
  assert.equal(await page.textContent('#cats-note'), 'Added 8 pictures.');
  await page.click('#cats-clear-own');
  await settle(page);
  assert.deepEqual(await counts(page), [0, 0, 0, 0, 0, 0]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('screenshots of the cats tab: laptop and phone, both languages', async () => {
  for (const [locale, width] of [['en-US', 1280], ['zh-CN', 1280], ['en-US', 390], ['zh-CN', 390]]) {
    const context = await lab.browser.newContext({ locale, viewport: { width, height: 900 }, deviceScaleFactor: width < 500 ? 2 : 1 });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${lab.server.url}#tab=cats`);
    await page.waitForSelector('#cats-formula[data-index]');
    await page.click('#cats-demo');
    await page.fill('#cats-iterations', '60');
    await page.dispatchEvent('#cats-iterations', 'change');
    await page.click('#cats-train-start');
    await page.waitForFunction(() => document.querySelector('#view-cats').dataset.state === 'done', null, { timeout: 120000 });
    await hoverCell(page, 'cats-channel-0', 30 * 64 + 33, 64);
    assert.equal(await page.getAttribute('#cats-formula', 'data-index'), String(30 * 64 + 33));
    // Nothing sticks out sideways on a phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${overflow} px too wide at ${width}`);
    await page.screenshot({ path: `${ARTIFACTS}cats-${locale}-${width}.png`, fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  }
});
