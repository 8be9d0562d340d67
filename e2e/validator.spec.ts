// Journey: a developer types code into the Editor and sees the validator's verdict live: markers in the editor, the
// findings below it, a click that lands on the line; changing the tier changes the verdict; benign code passes.
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

test('findings appear as markers and in the panel while typing, and a click lands on the line', async () => {
  const { page } = app;
  await page.getByTestId('activity-editor').click();
  const editor = page.getByTestId('editor-code');
  await expect(editor.locator('.monaco-editor')).toBeVisible();

  await typeCode(page, 'import os\nos.system("ls")\n\nprint("done")');
  await expect(editor.locator('.view-lines')).toContainText('os.system("ls")');

  const summary = page.getByTestId('findings-summary');
  await expect(summary).toHaveText(/^Blocked at sandbox: \d+ errors?/);
  const processFinding = page.getByTestId('finding').and(page.locator('[data-rule="py.process.exec"]'));
  await expect(processFinding).toContainText('2:1');
  await expect(processFinding).toContainText('os.system');
  await expect(processFinding).toContainText('Do the work in Python');
  // Monaco draws each error marker as a squiggle decoration.
  await expect(editor.locator('.squiggly-error').first()).toBeVisible();

  // The cursor ended on line 4; the click moves it to the finding's line.
  await expect(editor.locator('.line-numbers.active-line-number')).toHaveText('4');
  await processFinding.click();
  await expect(editor.locator('.line-numbers.active-line-number')).toHaveText('2');
  await page.screenshot({ path: path.join(repoRoot, 'docs', 'screenshots', 'validator.png') });

  // The same code at the core tier is allowed (with warnings): running core code needs its own confirmation.
  await page.getByTestId('editor-tier').selectOption('core');
  await expect(summary).toHaveText(/^OK at core \(\d+ warnings?/);
  await expect(processFinding).toContainText('Warning');
  await page.getByTestId('editor-tier').selectOption('sandbox');
  await expect(summary).toHaveText(/^Blocked at sandbox/);
});

test('a benign look-alike shows OK', async () => {
  const { page } = app;
  await page.getByTestId('activity-editor').click();
  await typeCode(page, 'import ast\nimport math\n\nvalue = ast.literal_eval("[1, 2]")\nprint(math.fsum(value))');
  await expect(page.getByTestId('findings-summary')).toHaveText('OK at sandbox');
  await expect(page.getByTestId('finding')).toHaveCount(0);
});

test('an import allowed in Settings › Validator policies changes the verdict in the Editor', async () => {
  const { page } = app;
  await page.getByTestId('activity-editor').click();
  await typeCode(page, 'import glob\nprint(glob.glob("*.py"))');
  await expect(page.getByTestId('findings-summary')).toHaveText(/^Blocked at sandbox/);
  await expect(page.getByTestId('finding').and(page.locator('[data-rule="py.import.not-allowed"]'))).toContainText('glob');

  await page.getByTestId('activity-settings').click();
  const settings = page.getByTestId('policy-settings');
  await expect(settings).toBeVisible();
  await expect(page.getByTestId('policy-origin')).toHaveText('Built-in policy.');
  const allow = page.getByTestId('policy-allow-python');
  await allow.fill(`${await allow.inputValue()}\nglob`);
  await page.getByTestId('policy-save').click();
  await expect(page.getByTestId('policy-saved')).toContainText('Saved the sandbox policy');
  await expect(page.getByTestId('policy-origin')).toHaveText('Edited policy, stored in the database.');
  await page.getByTestId('policy-tier').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(repoRoot, 'docs', 'screenshots', 'validator-policies.png') });

  await page.getByTestId('activity-editor').click();
  await page.getByTestId('editor-tier').selectOption('testing');
  await page.getByTestId('editor-tier').selectOption('sandbox');
  await expect(page.getByTestId('findings-summary')).toHaveText(/^OK at sandbox/);

  // A reset brings the built-in list back (the audit lines of both changes are checked in handlers/validation.test.ts).
  await page.getByTestId('activity-settings').click();
  await page.getByTestId('policy-reset').click();
  await expect(page.getByTestId('policy-origin')).toHaveText('Built-in policy.');
  await expect(page.getByTestId('policy-allow-python')).not.toHaveValue(/glob/);
});
