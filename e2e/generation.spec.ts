// Journey: plain words become a spec, the spec is corrected in the form, Generate runs every pipeline stage live to
// ready-for-review with code and tests; a template edit shows in the live preview; two versions are compared.
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { launchApp, repoRoot, type RunningApp } from './host';

let app: RunningApp;

// One journey in three steps: each builds on the spec the one before left open.
test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  app = await launchApp();
});

test.afterAll(async () => {
  await app?.close();
});

const stages = ['spec', 'body', 'render', 'validate', 'test', 'quality'];

test('plain words → spec → Generate: every stage visible, ready for review with code and tests', async () => {
  test.setTimeout(120_000);
  const { page } = app;
  await page.getByTestId('activity-specs').click();
  await page.getByTestId('spec-words').fill('Create a function that checks if a number is prime');
  await page.getByTestId('infer-spec').click();

  // What was inferred is shown, and the form and the JSON editor hold the spec.
  await expect(page.getByTestId('inferred')).toContainText('is_prime');
  await expect(page.getByTestId('spec-name')).toHaveValue('is_prime');
  await expect(page.getByTestId('spec-json-editor')).toContainText('"is_prime"');
  await expect(page.getByTestId('spec-check')).toHaveText('The spec is valid.');

  // Two examples, typed into the form, so the body is verified against the user's own examples.
  for (const [args, expected] of [['[7]', 'true'], ['[8]', 'false']] as const) {
    await page.getByTestId('add-example').click();
    const row = page.getByTestId('spec-example').last();
    await row.getByLabel(/arguments/).fill(args);
    await row.getByLabel(/expected/).fill(expected);
  }
  // Monaco draws only the lines in view, so the JSON is checked through the schema check under it.
  await expect(page.getByTestId('spec-check')).toHaveText('The spec is valid.');
  await expect(page.getByTestId('spec-json-editor')).toContainText('"examples"');

  await page.getByTestId('generate').click();
  // Live: the stage list appears at once and shows a stage running before the result arrives.
  await expect(page.getByTestId('stage-list')).toBeVisible();
  await expect(page.locator('.stage-running').first()).toBeVisible({ timeout: 10_000 });

  await expect(page.getByTestId('generation-status')).toHaveAttribute('data-status', 'ready-for-review', { timeout: 90_000 });
  for (const stage of stages) {
    const row = page.getByTestId(`stage-${stage}`);
    await expect(row).toBeVisible();
    await expect(row).toHaveAttribute('data-status', 'passed');
    await expect(row.locator('.stage-time')).toHaveText(/\d+(\.\d)? ms/);
  }
  await expect(page.getByTestId('stage-test')).toContainText('2 of 2 examples passed');
  await expect(page.getByTestId('generation-source')).toContainText('library');
  await expect(page.getByTestId('generated-code')).toContainText('def is_prime(n: int) -> bool:');
  await expect(page.getByTestId('findings-summary')).toBeVisible();
  await page.getByRole('tab', { name: 'Tests' }).click();
  await expect(page.getByTestId('generated-tests')).toContainText('from solution import is_prime');
  await page.getByRole('tab', { name: 'Code' }).click();

  // The sidebar lists the spec with its version.
  await expect(page.getByTestId('spec-list')).toContainText('is_prime');
  await page.screenshot({ path: path.join(repoRoot, 'docs', 'screenshots', 'specs.png'), fullPage: false });
});

test('a template edit shows in the live preview; a template error shows its line and message', async () => {
  const { page } = app;
  await page.getByTestId('specs-tab-templates').click();
  await page.getByTestId('template-item').filter({ hasText: 'python/function/typed_function.liquid' }).click();
  const preview = page.getByTestId('template-preview');
  await expect(preview).toContainText('def is_prime(n: int) -> bool:');

  const source = page.getByTestId('template-source');
  await source.locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Enter');
  // insertText, not type: Monaco's Liquid mode would auto-close the braces as they are typed.
  await page.keyboard.insertText('# Edited in the workbench for {{ spec.name | upcase }}');
  await expect(preview).toContainText('# Edited in the workbench for IS_PRIME');

  await page.keyboard.press('Enter');
  await page.keyboard.insertText('{{ no_such_variable }}');
  await expect(page.getByTestId('template-error')).toContainText(/Line \d+, column \d+: undefined variable: no_such_variable/);
  await expect(page.getByTestId('template-source').locator('.squiggly-error').first()).toBeVisible();
  await page.screenshot({ path: path.join(repoRoot, 'docs', 'screenshots', 'specs-templates.png'), fullPage: false });
});

test('a changed spec becomes a new version, compared with the old one in a diff', async () => {
  test.setTimeout(120_000);
  const { page } = app;
  await page.getByTestId('specs-tab-spec').click();
  await page.getByTestId('add-example').click();
  const row = page.getByTestId('spec-example').last();
  await row.getByLabel(/arguments/).fill('[97]');
  await row.getByLabel(/expected/).fill('true');
  await page.getByTestId('generate').click();
  await expect(page.getByTestId('stage-test')).toContainText('3 of 3 examples passed', { timeout: 90_000 });

  await page.getByTestId('specs-tab-compare').click();
  const diff = page.getByTestId('spec-diff');
  await expect(diff).toBeVisible();
  await expect(diff.locator('.line-insert').first()).toBeVisible();
  await expect(diff).toContainText('97');
  await page.screenshot({ path: path.join(repoRoot, 'docs', 'screenshots', 'specs-compare.png'), fullPage: false });
});

test('the model provider is configured in Settings, and its key is never shown back', async () => {
  const { page } = app;
  await page.getByTestId('activity-settings').click();
  const section = page.getByTestId('provider-settings');
  await expect(section).toBeVisible();
  await section.getByTestId('provider-url').fill('http://127.0.0.1:11434/v1');
  await section.getByRole('textbox', { name: 'Model' }).fill('qwen2.5-coder:7b');
  await section.getByLabel('API key').fill('sk-e2e-secret');
  await section.getByRole('button', { name: 'Save' }).click();
  await expect(section).toContainText('Saved.');
  await expect(section.getByLabel('API key')).toHaveValue('');
  await expect(section.getByLabel('API key')).toHaveAttribute('placeholder', 'stored (type to replace)');
  await expect(section).toContainText('the local database (plain text)');
});
