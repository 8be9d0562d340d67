// Journey: a developer writes code in the Editor, asks for a quality assessment and reads the report beside the code:
// the score, what each category cost, the rules that cost points, each function's complexity and the tools used.
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { launchApp, repoRoot, type RunningApp, typeCode } from './host';

let app: RunningApp;

test.beforeAll(async () => {
  app = await launchApp();
});

test.afterAll(async () => {
  await app?.close();
});

const code = [
  'import os',
  'def route(kind, size):',
  '    if kind == "a":',
  '        return 1',
  '    elif kind == "b":',
  '        return 2',
  '    return size',
  'def Average(values=[]):',
  '    """Mean of the values."""',
  '    total = 0',
  '    for v in values:',
  '        if v == None:',
  '            continue',
  '        total += v',
  '    return total / len(values)',
].join('\n');

test('Assess quality shows the score, its breakdown, the costly rules, per-function complexity and the tools', async () => {
  test.setTimeout(180_000);
  const { page } = app;
  await page.getByTestId('activity-editor').click();
  await expect(page.getByTestId('editor-code').locator('.monaco-editor')).toBeVisible();
  await typeCode(page, code);
  await expect(page.getByTestId('editor-code').locator('.view-lines')).toContainText('return total / len(values)');

  await page.getByTestId('assess-quality').click();
  const panel = page.getByTestId('quality-panel');
  await expect(panel).toBeVisible();
  // pyright starts a Node process of its own; on a busy machine that takes a while.
  const score = panel.getByTestId('quality-score');
  await expect(score).toBeVisible({ timeout: 120_000 });
  await expect(score).toHaveText(/^\d+(\.\d)?\/ 100$/);
  const value = Number((await score.textContent())!.split('/')[0]);
  expect(value).toBeGreaterThan(20);
  expect(value).toBeLessThan(90);

  await expect(panel.getByTestId('quality-part')).toHaveCount(7);
  await expect(panel.locator('[data-category="lint"]')).toContainText(/\d+ \/ 30 \(−\d+\)/);
  const deductions = panel.getByTestId('quality-deduction');
  await expect(deductions.filter({ hasText: 'F401' })).toContainText('`os` imported but unused');
  await expect(deductions.filter({ hasText: 'B006' })).toHaveCount(1);
  await expect(deductions.filter({ hasText: 'ruff-format' })).toHaveCount(1);

  const functions = panel.getByTestId('quality-functions');
  await expect(functions.locator('tr', { hasText: 'route' })).toContainText(/route\s*2\s*3\s*2/);
  await expect(functions.locator('tr', { hasText: 'Average' })).toContainText(/Average\s*8\s*3\s*3/);
  await expect(panel.getByTestId('quality-finding').filter({ hasText: 'E711' })).toContainText('12:');

  const tools = panel.getByTestId('quality-tools');
  await expect(tools).toContainText(/ruff \d+\.\d+\.\d+\s*ok/);
  await expect(tools).toContainText(/pyright \d+\.\d+\.\d+\s*ok/);
  await page.screenshot({ path: path.join(repoRoot, 'docs', 'screenshots', 'quality.png') });

  // The report was stored, and the panel closes.
  await expect(panel.getByRole('status')).toContainText(/report \d+/);
  await panel.getByTestId('quality-close').click();
  await expect(panel).toBeHidden();
});
