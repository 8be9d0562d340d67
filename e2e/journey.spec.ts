// The whole journey in the UI, on a git repository made from the bundled sample project: open → index → plain words →
// spec → generate (validate, run, assess) → review with the diff → approve → deploy → the commit is on ark/<name>
// with the generated file → undo reverts it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { launchApp, repoRoot, type RunningApp } from './host';

let app: RunningApp;
let workDir: string;
let project: string;
const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: project, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

test.beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ark-e2e-journey-'));
  project = path.join(workDir, 'sample-project');
  fs.cpSync(path.join(repoRoot, 'resources', 'sample-project'), project, { recursive: true });
  git('init', '--quiet', '-b', 'main');
  git('add', '.');
  git('commit', '--quiet', '-m', 'Sample project');
  app = await launchApp();
});

test.afterAll(async () => {
  await app?.close();
  fs.rmSync(workDir, { recursive: true, force: true });
});

test('from plain words to a reviewed, deployed and undone commit on ark/is-prime', async () => {
  test.setTimeout(180_000);
  const { page } = app;

  // Open and index the project.
  await page.getByTestId('project-path').fill(project);
  await page.getByTestId('project-open').click();
  await expect(page.getByTestId('project-overview')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('stat-files')).toHaveText('11');

  // Plain words → spec, with two examples of the user's own → generate through every stage.
  await page.getByTestId('activity-specs').click();
  await page.getByTestId('spec-words').fill('Create a function that checks if a number is prime');
  await page.getByTestId('infer-spec').click();
  await expect(page.getByTestId('spec-name')).toHaveValue('is_prime');
  for (const [args, expected] of [['[13]', 'true'], ['[21]', 'false']] as const) {
    await page.getByTestId('add-example').click();
    const row = page.getByTestId('spec-example').last();
    await row.getByLabel(/arguments/).fill(args);
    await row.getByLabel(/expected/).fill(expected);
  }
  await page.getByTestId('generate').click();
  await expect(page.getByTestId('generation-status')).toHaveAttribute('data-status', 'ready-for-review', { timeout: 120_000 });
  for (const stage of ['validate', 'test', 'quality']) await expect(page.getByTestId(`stage-${stage}`)).toHaveAttribute('data-status', 'passed');

  // Review: the artefact waits in the queue; preview the change as a diff, approve, deploy.
  await page.getByTestId('activity-review').click();
  await page.getByTestId('review-queue').getByRole('button', { name: /is_prime/ }).click();
  await expect(page.getByTestId('review-detail')).toBeVisible();
  await expect(page.getByTestId('review-code').locator('.view-lines')).toContainText('def is_prime');
  // The checks behind it: the stored validation with its verdict, and each example's result.
  await page.getByRole('button', { name: 'Checks' }).click();
  await expect(page.getByTestId('findings-summary')).toBeVisible();
  await expect(page.getByTestId('review-examples')).toContainText('passed');
  // …and the quality analyzer's report, made by the pipeline and stored with this version: every part of the score,
  // what cost points, the tools with their versions and the ones that are missing.
  const quality = page.getByTestId('review-quality');
  await expect(quality.getByTestId('quality-score')).toBeVisible();
  await expect(quality.getByTestId('quality-part')).toHaveCount(7);
  await expect(quality.locator('[data-category="types"]')).toContainText('/ 25');
  await expect(quality.getByRole('region', { name: 'What cost points' })).toBeVisible();
  const tools = quality.getByTestId('quality-tools');
  await expect(tools).toContainText(/pyright 1\.1\.\d+\s*ok/);
  await expect(tools).toContainText(/ruff \d+\.\d+\.\d+\s*ok/);
  await expect(tools).toContainText(/pylint[\s\S]*\(optional\)/);
  await expect(page.getByTestId('review-checks')).toContainText(/Quality report #\d+/);
  await quality.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(repoRoot, 'docs', 'screenshots', 'review-checks.png') });
  await page.getByRole('button', { name: 'Code' }).click();
  await page.getByTestId('deploy-path').fill('inventory/primes.py');
  await page.getByTestId('deploy-preview').click();
  const preview = page.getByTestId('deploy-preview-result');
  await expect(preview).toContainText('ark/is-prime');
  await expect(preview).toContainText('create inventory/primes.py');
  await expect(page.getByTestId('deploy-diff')).toContainText('def is_prime');
  await expect(page.getByTestId('deploy-run')).toBeDisabled();
  await page.getByTestId('review-comment').fill('Checked the examples and the code.');
  await page.getByTestId('review-approve').click();
  await expect(page.getByTestId('review-decision')).toHaveText('Approved');
  await page.screenshot({ path: path.join(repoRoot, 'docs', 'screenshots', 'review.png') });
  await expect(page.getByTestId('review-status')).toHaveAttribute('data-status', 'ready-for-review');
  await page.getByTestId('deploy-run').click();
  const deployed = page.getByTestId('deployment-line').last();
  await expect(deployed).toContainText('committed');
  await expect(deployed).toContainText('ark/is-prime');
  // Deployed, as the service stored it: the header says so with the branch and commit, and neither another deployment
  // nor a decision against it is offered — also after the artefact is picked again from the queue.
  const commit = git('rev-parse', 'ark/is-prime').trim().slice(0, 10);
  for (const pass of ['after deploying', 'picked again']) {
    const status = page.getByTestId('review-status');
    await expect(status, pass).toHaveAttribute('data-status', 'deployed');
    await expect(status, pass).toHaveText(`deployed to ark/is-prime @ ${commit}`);
    await expect(page.getByTestId('review-deployed'), pass).toBeVisible();
    for (const action of ['deploy-run', 'review-approve', 'review-request-changes', 'review-reject']) await expect(page.getByTestId(action), `${pass}: ${action}`).toHaveCount(0);
    await expect(page.getByTestId('deployment-line'), pass).toHaveCount(1);
    if (pass === 'after deploying') {
      await page.screenshot({ path: path.join(repoRoot, 'out', 'exp', 'uifix', 'review-deployed.png') });
      await page.getByTestId('review-queue').getByRole('button', { name: /is_prime/ }).click();
    }
  }

  // The commit is on its own branch in the project's repository, with the generated file; the checkout is untouched.
  const content = git('show', 'ark/is-prime:inventory/primes.py');
  expect(content).toContain('def is_prime(n: int) -> bool:');
  expect(git('log', '-1', '--format=%B', 'ark/is-prime')).toMatch(/ARK: add is_prime in inventory\/primes.py/);
  expect(git('rev-parse', '--abbrev-ref', 'HEAD').trim()).toBe('main');
  expect(fs.existsSync(path.join(project, 'inventory', 'primes.py'))).toBe(false);

  // Undo: a revert commit on the same branch removes the file again.
  await page.getByTestId('deployment-line').getByTestId('deployment-undo').click();
  await expect(page.getByTestId('deployment-line').last()).toContainText('reverted');
  // Undone: the artefact is approved and not deployed, so it can be deployed again.
  await expect(page.getByTestId('review-status')).toHaveAttribute('data-status', 'ready-for-review');
  await expect(page.getByTestId('deploy-run')).toBeVisible();
  await expect(page.getByTestId('review-reject')).toBeEnabled();
  expect(git('log', '-1', '--format=%s', 'ark/is-prime')).toMatch(/^Revert /);
  expect(() => git('cat-file', '-e', 'ark/is-prime:inventory/primes.py')).toThrow();
});
