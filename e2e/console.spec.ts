// Journey: a developer runs the Editor's code in the sandbox console, answers its input() prompt, stops a long loop,
// reloads the page mid-run and sees the console replay and carry on, then finds the runs in History and Stats.
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { launchApp, repoRoot, type RunningApp, typeCode } from './host';

let app: RunningApp;

test.beforeAll(async () => {
  app = await launchApp();
});

test.afterAll(async () => {
  await app?.close();
});

const terminalText = (page: Page) => page.getByTestId('console-terminal').locator('.xterm-rows');
/**
 * After a program printed `line 0` … `line ${total - 1}`: the top of the console's scrollback is the line 1000 rows
 * above the screen, whose last row holds the cursor after the last line.
 */
async function expectScrollbackTop(page: Page, total: number): Promise<void> {
  const rows = await terminalText(page).locator(':scope > div').count();
  const firstRow = terminalText(page).locator(':scope > div').first();
  // Shift+PageUp scrolls the terminal a page at a time: until the first row stops changing.
  await page.getByTestId('console-terminal').click();
  for (let previous = ''; ; ) {
    for (let i = 0; i < 20; i++) await page.keyboard.press('Shift+PageUp');
    const now = await firstRow.textContent();
    if (now === previous) break;
    previous = now ?? '';
  }
  await expect(firstRow).toHaveText(`line ${total - (1000 + rows - 1)}`);
  await expect(terminalText(page).locator(':scope > div').nth(1)).toHaveText(`line ${total - (1000 + rows - 2)}`);
}

// One-line loop body: Monaco's auto-indent would otherwise fight the typing.
const loop = 'import time\nfor i in range(10**9): print("tick", i, flush=True); time.sleep(0.05)';

test('a program asks for input; the answer typed into the console reaches it', async () => {
  const { page } = app;
  await page.getByTestId('activity-editor').click();
  await expect(page.getByTestId('editor-code').locator('.monaco-editor')).toBeVisible();
  // The starter program greets whoever answers its input() prompt.
  await expect(page.getByTestId('editor-code').locator('.view-lines')).toContainText('input("Your name? ")');
  await page.getByTestId('run-button').click();

  await expect(page.getByTestId('console-panel')).toBeVisible();
  await expect(terminalText(page)).toContainText('Your name?', { timeout: 15_000 });
  await page.getByTestId('console-terminal').click();
  await page.keyboard.type('Ada');
  await page.keyboard.press('Enter');
  await expect(terminalText(page)).toContainText('Hello, Ada!');
  const status = page.getByTestId('console-status');
  await expect(status).toHaveAttribute('data-status', 'success');
  await expect(status).toContainText(/success · exit code 0 · .* · isolation (namespaces|limits-only)/);
  await page.screenshot({ path: path.join(repoRoot, 'docs', 'screenshots', 'console.png') });
});

test('Ctrl+C typed into the console interrupts the program; a long loop streams until Stop, which kills it', async () => {
  const { page } = app;
  await typeCode(page, loop);
  await page.getByTestId('run-button').click();
  await expect(terminalText(page)).toContainText('tick 3', { timeout: 15_000 });
  await page.getByTestId('console-terminal').click();
  await page.keyboard.press('Control+C');
  await expect(terminalText(page)).toContainText('KeyboardInterrupt');
  await expect(page.getByTestId('console-status')).toHaveAttribute('data-status', 'killed');
  await expect(page.getByTestId('console-status')).toContainText('signal SIGINT');

  await page.getByTestId('run-button').click();
  await expect(terminalText(page)).toContainText('tick 5', { timeout: 15_000 });
  await expect(page.getByTestId('run-button')).toBeDisabled();
  await page.getByTestId('console-stop').click();
  const status = page.getByTestId('console-status');
  await expect(status).toHaveAttribute('data-status', 'killed');
  await expect(status).toContainText(/killed · signal SIG(TERM|KILL)/);
  await expect(page.getByTestId('run-button')).toBeEnabled();
});

test('a console reloaded mid-run replays what it missed and carries on', async () => {
  const { page } = app;
  // Slow ticks, so everything since the start still fits on the terminal's screen after the reload.
  await typeCode(page, 'import time\nprint("started", flush=True)\nfor i in range(10**9): print("tick", i, flush=True); time.sleep(0.6)');
  await page.getByTestId('run-button').click();
  await expect(terminalText(page)).toContainText('tick 2', { timeout: 15_000 });
  const run = (await page.getByTestId('console-status').textContent())?.match(/Run \d+/)?.[0];
  expect(run).toBeTruthy();
  await page.reload();
  // The panel starts closed after a reload; the run the tab showed is remembered.
  await expect(page.getByTestId('status-connection')).toHaveText(/Connected/);
  await page.getByTestId('activity-console').click();
  await expect(page.getByTestId('console-status')).toContainText(`${run} · running`);
  // Replayed from the store: output from before the reload …
  await expect(terminalText(page)).toContainText('started');
  await expect(terminalText(page)).toContainText('tick 1');
  // … and then live again: output the program wrote after the reload.
  await expect(terminalText(page)).toContainText('tick 10', { timeout: 15_000 });
  await page.getByTestId('console-stop').click();
  await expect(page.getByTestId('console-status')).toHaveAttribute('data-status', 'killed');
});

test('History lists the runs with their isolation level, opens one, and Stats counts them', async () => {
  const { page } = app;
  await page.getByTestId('activity-history').click();
  await page.getByTestId('history-tab-runs').click();
  // The console stays open across views; closed here so History has the room.
  await page.getByTestId('activity-console').click();
  const rows = page.getByTestId('run-row');
  await expect(rows).toHaveCount(4);
  await expect(rows.and(page.locator('[data-status="killed"]'))).toHaveCount(3);
  for (const row of await rows.all()) await expect(row.getByTestId('run-isolation')).toHaveText(/^(namespaces|limits-only)$/);

  const greeting = rows.and(page.locator('[data-status="success"]'));
  await greeting.click();
  const detail = page.getByTestId('run-detail');
  await expect(detail.getByTestId('run-output-terminal')).toContainText('Hello, Ada!');
  await expect(detail.getByTestId('run-code').locator('.view-lines')).toContainText('def greet');
  await expect(detail.getByTestId('run-limits')).toContainText('Timeout');
  await expect(detail.getByTestId('run-validation')).toContainText('Passed');
  await page.screenshot({ path: path.join(repoRoot, 'docs', 'screenshots', 'history-runs.png') });

  await page.getByTestId('runs-filter-status').selectOption('killed');
  await expect(rows).toHaveCount(3);
  await page.getByTestId('runs-filter-status').selectOption('');

  await page.getByTestId('history-tab-stats').click();
  await expect(page.getByTestId('stat-total')).toHaveText('4');
  await expect(page.getByTestId('stat-success')).toHaveText('25.0%');
  await expect(page.getByTestId('chart-status').locator('[data-status="killed"]')).toContainText('3');
  await expect(page.getByTestId('chart-trend').locator('rect')).toHaveCount(1);
  await page.screenshot({ path: path.join(repoRoot, 'docs', 'screenshots', 'history-stats.png') });
});

test('blocked code does not run; at the trusted tier "Run anyway" with a reason runs it, and the audit trail records it', async () => {
  const { page } = app;
  await page.getByTestId('activity-editor').click();
  await typeCode(page, 'import subprocess\nprint("ran", subprocess.__name__)');
  await page.getByTestId('editor-tier').selectOption('trusted');
  await page.getByTestId('run-button').click();
  const blocked = page.getByTestId('run-blocked');
  await expect(blocked).toBeVisible();
  await expect(page.getByTestId('run-blocked-findings')).toContainText('subprocess');
  await expect(page.getByTestId('console-status')).toHaveAttribute('data-status', 'blocked');
  await expect(page.getByTestId('run-anyway')).toBeDisabled();
  await page.getByTestId('run-override-reason').fill('I wrote this; it only prints the module name');
  await page.getByTestId('run-anyway').click();
  await expect(terminalText(page)).toContainText('ran subprocess');
  await expect(page.getByTestId('console-status')).toHaveAttribute('data-status', 'success');

  // At the sandbox tier the same code is refused with no way around it.
  await page.getByTestId('editor-tier').selectOption('sandbox');
  await page.getByTestId('run-button').click();
  await expect(blocked).toContainText('only code at the trusted or core tier can be run anyway');
  await expect(page.getByTestId('run-anyway')).toHaveCount(0);

  // TypeScript cannot run in the sandbox: Run is disabled, with the reason beside it.
  await page.getByTestId('editor-language').selectOption('typescript');
  await expect(page.getByTestId('run-button')).toBeDisabled();
  await expect(page.getByTestId('run-disabled-reason')).toContainText('compile it to JavaScript');
  await page.getByTestId('editor-language').selectOption('python');

  await page.getByTestId('activity-history').click();
  await page.getByTestId('history-tab-audit').click();
  await expect(page.getByTestId('history-row').filter({ hasText: 'sandbox.override' })).toContainText('I wrote this');
});

test('Settings shows the interpreter, the default limits and the isolation level', async () => {
  const { page } = app;
  await page.getByTestId('activity-settings').click();
  await expect(page.getByTestId('settings-python-info')).toContainText(/Runs start \/\S+python/);
  await expect(page.getByTestId('settings-isolation')).toHaveText(/namespaces|limits-only/);
  const timeout = page.getByTestId('settings-timeout');
  await timeout.fill('5000');
  await timeout.press('Enter');
  await expect(timeout).toHaveValue('5000');
  await page.getByTestId('sandbox-settings').screenshot({ path: path.join(repoRoot, 'docs', 'screenshots', 'settings-sandbox.png') });
});

test('a program flooding the console ends on the same screen and scrollback as if every line had been drawn', async () => {
  const { page } = app;
  // 300 000 lines, ~4 MB: the service leaves out the lines that scroll past the 1000 rows of scrollback anyway.
  await page.getByTestId('activity-editor').click();
  // (One print: line by line, Python writes each line to the terminal on its own, at ~60 000 lines a second.)
  await typeCode(page, 'print("\\n".join(f"line {i}" for i in range(300000)))');
  await page.getByTestId('run-button').click();
  const status = page.getByTestId('console-status');
  await expect(status).toHaveAttribute('data-status', 'success', { timeout: 60_000 });
  await expect(terminalText(page)).toContainText('line 299999');
  await expectScrollbackTop(page, 300000);
});

test('a console reloaded while a program floods it replays, carries on, and ends on the same scrollback', async () => {
  const { page } = app;
  await page.getByTestId('activity-editor').click();
  // 40 bursts of 7 500 lines, 0.1 s apart: the reload lands mid-flood, once the first lines are shown.
  await typeCode(page, 'import time\nfor k in range(40): print("\\n".join(f"line {k * 7500 + i}" for i in range(7500))); time.sleep(0.1)');
  await page.getByTestId('run-button').click();
  await expect(terminalText(page)).toContainText(/line \d{4}/, { timeout: 15_000 });
  await page.reload();
  await page.getByTestId('activity-console').click();
  const status = page.getByTestId('console-status');
  await expect(status).toHaveAttribute('data-status', 'success', { timeout: 60_000 });
  await expect(terminalText(page)).toContainText('line 299999');
  // Exactly as after every line once: no line written twice, none lost.
  await expectScrollbackTop(page, 300000);
});
