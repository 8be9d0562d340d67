// Journey: a new user opens the workbench, sees the shell, changes a setting and finds it in the audit trail.
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { launchApp, repoRoot, type RunningApp } from './host';

let app: RunningApp;

test.beforeAll(async () => {
  app = await launchApp();
});

test.afterAll(async () => {
  await app?.close();
});

test('the shell shows its views, database and sandbox isolation level', async () => {
  const { page } = app;
  await expect(page.getByTestId('shell')).toBeVisible();
  await expect(page.getByTestId('status-connection')).toHaveText(/Connected/);
  await expect(page.getByTestId('status-db')).toContainText(app.dbPath);
  await expect(page.getByTestId('status-db')).toContainText(/schema v\d+/);
  await expect(page.getByTestId('status-isolation')).toHaveText(/Sandbox: (namespaces|limits-only)/);
  await expect(page.getByTestId('project-empty')).toContainText('Drop a project folder here');
  // The token left the address bar once the bridge had read it.
  expect(page.url()).not.toContain('token=');
  await page.screenshot({ path: path.join(repoRoot, 'docs', 'screenshots', 'shell.png') });
});

test('a setting round-trips through the services, the database and the audit trail', async () => {
  const { page } = app;
  await page.getByTestId('activity-settings').click();
  await expect(page.getByTestId('settings-view')).toBeVisible();
  await page.getByTestId('theme-select').selectOption('dark');
  await expect(page.getByTestId('shell')).toHaveAttribute('data-theme', 'dark');

  // A reload asks the services again: the value came back from SQLite, not from the page's memory.
  await page.reload();
  await expect(page.getByTestId('shell')).toHaveAttribute('data-theme', 'dark');

  await page.getByTestId('activity-history').click();
  await page.getByTestId('history-tab-audit').click();
  await expect(page.getByTestId('history-row').filter({ hasText: 'settings.changed' }).first()).toContainText('"ui.theme"');
  await page.screenshot({ path: path.join(repoRoot, 'docs', 'screenshots', 'history-dark.png') });

  await page.getByTestId('activity-settings').click();
  await page.getByTestId('theme-select').selectOption('light');
  await expect(page.getByTestId('shell')).toHaveAttribute('data-theme', 'light');
});

test('the command palette and shortcuts switch views', async () => {
  const { page } = app;
  await page.keyboard.press('Control+Shift+P');
  await page.getByRole('textbox', { name: 'Type a command' }).fill('go review');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('view-review')).toBeVisible();
  await page.keyboard.press('Control+1');
  await expect(page.getByTestId('view-project')).toBeVisible();
  await page.keyboard.press('Control+j');
  await expect(page.getByTestId('console-panel')).toBeVisible();
});

test('the web host refuses requests without the token, from foreign origins and for foreign Host names', async () => {
  test.skip(app.port === null, 'web target only');
  const base = `http://127.0.0.1:${app.port}`;
  const body = JSON.stringify({});
  const noToken = await fetch(`${base}/api/invoke/app.info`, { method: 'POST', body });
  expect(noToken.status).toBe(401);
  const withToken = await fetch(`${base}/api/invoke/app.info`, { method: 'POST', body, headers: { authorization: `Bearer ${app.token}` } });
  expect(withToken.status).toBe(200);
  expect(((await withToken.json()) as { ok: boolean }).ok).toBe(true);
  const foreignOrigin = await fetch(`${base}/api/invoke/app.info`, { method: 'POST', body, headers: { authorization: `Bearer ${app.token}`, origin: 'http://evil.example' } });
  expect(foreignOrigin.status).toBe(403);
  // A page in the browser on another origin cannot open the WebSocket either, token or not.
  const other = await app.newPage();
  await other.goto('about:blank');
  const wsResult = await other.evaluate(
    ({ port, token }) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(`ws://127.0.0.1:${port}/api/ws?token=${token}`);
        ws.onopen = () => resolve('open');
        ws.onerror = () => resolve('refused');
      }),
    { port: app.port, token: app.token },
  );
  expect(wsResult).toBe('refused');
});

test('the Editor view shows the bundled Monaco editor, offline, with its language service running', async () => {
  const { page } = app;
  await page.getByTestId('activity-editor').click();
  const editor = page.getByTestId('editor-code');
  await expect(editor.locator('.monaco-editor')).toBeVisible();
  await expect(editor.locator('.view-lines')).toContainText('def greet');
  await page.screenshot({ path: 'docs/screenshots/editor.png' });
});
