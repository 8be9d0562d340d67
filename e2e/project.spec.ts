// Journey: a developer opens the bundled sample project by path, watches it index, reads the overview and its trust
// tiers, searches a symbol and opens it read-only in Monaco at its line; a wrong path gets a clear message.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { launchApp, repoRoot, type RunningApp } from './host';

const sampleProject = path.join(repoRoot, 'resources', 'sample-project');
let app: RunningApp;

test.beforeAll(async () => {
  app = await launchApp();
});

test.afterAll(async () => {
  await app?.close();
});

test('a path that is not a folder gets a clear message', async () => {
  const { page } = app;
  await page.getByTestId('project-path').fill(path.join(sampleProject, 'pyproject.toml'));
  await page.getByTestId('project-open').click();
  await expect(page.getByRole('alert')).toContainText('is a file, not a folder');
  await page.getByTestId('project-path').fill(path.join(os.tmpdir(), 'no-such-folder-for-ark'));
  await page.getByTestId('project-open').click();
  await expect(page.getByRole('alert')).toContainText('there is no such folder');
});

test('open the sample project, see progress and the overview with its tiers', async () => {
  const { page } = app;
  const progressSeen = page.waitForSelector('[data-testid="project-indexing"]', { timeout: 10_000 });
  await page.getByTestId('project-path').fill(sampleProject);
  await page.getByTestId('project-open').click();
  await progressSeen;
  await expect(page.getByTestId('project-overview')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('stat-files')).toHaveText('11');
  await expect(page.getByTestId('tier-chart')).toContainText('testing');
  await expect(page.getByTestId('tier-chart')).toContainText('3 files');
  await expect(page.getByTestId('tier-chart')).toContainText('sandbox');
  await expect(page.getByTestId('file-tree')).toContainText('inventory');
  await page.screenshot({ path: path.join(repoRoot, 'docs', 'screenshots', 'project.png') });
});

test('search a symbol and open it in Monaco at its line', async () => {
  const { page } = app;
  await page.getByTestId('symbol-search').fill('low_st');
  const hit = page.getByTestId('search-hit').first();
  await expect(hit).toContainText('Warehouse.low_stock');
  await expect(hit).toContainText('inventory/models.py:46');
  await hit.click();
  await expect(page.getByTestId('viewer-path')).toHaveText('inventory/models.py');
  await expect(page.getByTestId('viewer-symbol')).toContainText('line 46');
  const editor = page.getByTestId('viewer-code');
  await expect(editor.locator('.view-lines')).toContainText('def low_stock');
  // The cursor sits on the symbol's line: Monaco highlights the current line's number.
  await expect(editor.locator('.line-numbers.active-line-number')).toHaveText('46');
  await page.screenshot({ path: path.join(repoRoot, 'docs', 'screenshots', 'project-symbol.png') });
  // Read-only: typing changes nothing.
  await editor.locator('.view-lines').click();
  await page.keyboard.type('xyz');
  await expect(editor.locator('.view-lines')).not.toContainText('xyz');
});

test('a saved file shows up in search without re-opening the project', async () => {
  const { page } = app;
  const extra = path.join(sampleProject, 'inventory', 'e2e_watch_probe.py');
  try {
    fs.writeFileSync(extra, 'def restock_everything():\n    """Added while the project is open."""\n');
    await page.getByTestId('viewer-back').click();
    await page.getByTestId('symbol-search').fill('restock_every');
    await expect(page.getByTestId('search-hit').first()).toContainText('restock_everything', { timeout: 10_000 });
  } finally {
    fs.rmSync(extra, { force: true });
  }
  await expect(page.getByTestId('search-results')).toHaveCount(0, { timeout: 10_000 });
});

test('the project is listed in recent projects and re-opens from there', async () => {
  const { page } = app;
  await page.getByTestId('symbol-search').fill('');
  await page.getByRole('button', { name: 'Close' }).click();
  const recent = page.getByTestId('recent-project').first();
  await expect(recent).toContainText('sample-project');
  await recent.click();
  await expect(page.getByTestId('project-overview')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('stat-files')).toHaveText('11');
});

test('a project folder moved away while open: the overview says the index is not kept current, and keeps it', async () => {
  const { page } = app;
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'ark-e2e-moved-'));
  const root = path.join(parent, 'movable');
  try {
    fs.cpSync(sampleProject, root, { recursive: true });
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByTestId('project-path').fill(root);
    await page.getByTestId('project-open').click();
    await expect(page.getByTestId('project-overview')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('watch-problem')).toHaveCount(0);
    await expect(page.getByTestId('project-overview')).toContainText('Saved files are re-indexed as you work.');
    fs.renameSync(root, `${root}-elsewhere`);
    await expect(page.getByTestId('watch-problem')).toContainText(`The folder ${root} is gone (moved or deleted)`, { timeout: 10_000 });
    await expect(page.getByTestId('stat-files')).toHaveText('11');
    await expect(page.getByTestId('project-overview')).toContainText('Changes since may be missing');
    await page.screenshot({ path: path.join(repoRoot, 'docs', 'screenshots', 'project-watch-problem.png') });
  } finally {
    fs.rmSync(parent, { recursive: true, force: true });
  }
});
