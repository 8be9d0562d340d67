// A new user's first walk through the screens: every button can be read, the page throws nothing, the editor has
// Monaco's own features (find) whichever editor opened first, and a finished run seen again after a reload does not
// keep Run disabled.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { launchApp, repoRoot, type RunningApp, typeCode } from './host';

let app: RunningApp;
let workDir: string;
const pageErrors: string[] = [];

test.beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ark-e2e-firstrun-'));
  fs.cpSync(path.join(repoRoot, 'resources', 'sample-project'), path.join(workDir, 'sample-project'), { recursive: true });
  app = await launchApp();
  app.page.on('pageerror', (err) => pageErrors.push(err.message));
});

test.afterAll(async () => {
  await app?.close();
  fs.rmSync(workDir, { recursive: true, force: true });
});

// The few DOM shapes the check below uses in the page (this project's Node-side tsconfig has no DOM library).
type PageStyle = { color: string; backgroundColor: string; visibility: string; opacity: string };
type PageElement = { parentElement: PageElement | null; textContent: string | null; disabled?: boolean; getBoundingClientRect(): { width: number; height: number } };
declare const getComputedStyle: (element: PageElement) => PageStyle;

/**
 * Enabled, visible buttons whose label has less than 3:1 contrast (WCAG's floor for UI components) with the background
 * behind it, found by walking up to the first ancestor that paints one.
 */
async function unreadableButtons(page: Page): Promise<string[]> {
  return page.locator('button').evaluateAll((buttons: PageElement[]) => {
    const rgba = (css: string): number[] | null => {
      const match = /rgba?\(([^)]+)\)/.exec(css);
      if (!match) return null;
      const parts = (match[1] as string).split(/[\s,/]+/).filter(Boolean).map(Number);
      return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
    };
    const luminance = ([r, g, b]: number[]) => {
      const channel = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r ?? 0) + 0.7152 * channel(g ?? 0) + 0.0722 * channel(b ?? 0);
    };
    const background = (el: PageElement | null): number[] => {
      for (let node = el; node; node = node.parentElement) {
        const color = rgba(getComputedStyle(node).backgroundColor);
        if (color && (color[3] ?? 0) > 0.5) return color;
      }
      return [255, 255, 255, 1];
    };
    const bad: string[] = [];
    for (const button of buttons) {
      const box = button.getBoundingClientRect();
      const label = (button.textContent ?? '').trim();
      if (button.disabled || box.width === 0 || box.height === 0 || label === '') continue;
      const style = getComputedStyle(button);
      if (style.visibility === 'hidden' || Number(style.opacity) < 0.5) continue;
      const fg = rgba(style.color);
      if (!fg) continue;
      const [hi, lo] = [luminance(fg), luminance(background(button))].sort((a, b) => b - a) as [number, number];
      const ratio = (hi + 0.05) / (lo + 0.05);
      if (ratio < 3) bad.push(`"${label.slice(0, 40)}" ${style.color} on ${style.backgroundColor} (${ratio.toFixed(2)}:1)`);
    }
    return bad;
  });
}

test('every screen of a first walk has readable buttons and no page error', async () => {
  test.setTimeout(120_000);
  const { page } = app;
  await expect(page.getByTestId('project-open')).toBeVisible();
  expect(await unreadableButtons(page), 'the start screen').toEqual([]);

  await page.getByTestId('project-path').fill(path.join(workDir, 'sample-project'));
  await page.getByTestId('project-open').click();
  await expect(page.getByTestId('project-overview')).toBeVisible({ timeout: 60_000 });
  expect(await unreadableButtons(page), 'the project overview').toEqual([]);

  for (const view of ['specs', 'editor', 'review', 'history', 'settings', 'project'] as const) {
    await page.getByTestId(`activity-${view}`).click();
    await page.waitForTimeout(500);
    expect(await unreadableButtons(page), `the ${view} view`).toEqual([]);
  }
  expect(pageErrors).toEqual([]);
});

test('the editor has find (Ctrl+F) and the spec JSON editor opens without errors, in either order', async () => {
  const { page } = app;
  await page.reload();
  // The Specs view's JSON editor first: it loads the JSON language mode, which used to bring Monaco's features late.
  await page.getByTestId('activity-specs').click();
  await expect(page.locator('.monaco-editor').first()).toBeVisible();
  await page.getByTestId('activity-editor').click();
  await page.getByTestId('editor-code').locator('.view-lines').click();
  await page.keyboard.press('Control+F');
  await expect(page.getByTestId('editor-code').locator('.find-widget')).toBeVisible();
  expect(pageErrors).toEqual([]);
});

test('after a reload, a run that has finished leaves Run enabled with the console closed', async () => {
  const { page } = app;
  await page.getByTestId('activity-editor').click();
  await typeCode(page, 'print("done")');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('console-status')).toHaveAttribute('data-status', 'success', { timeout: 15_000 });

  await page.reload();
  await page.getByTestId('activity-editor').click();
  // The console panel stays closed after a reload, so only the Run button's side can learn how the run ended.
  await expect(page.getByTestId('console-panel')).toBeHidden();
  await expect(page.getByTestId('run-button')).toBeEnabled();
  await expect(page.getByTestId('run-stop')).toHaveCount(0);
});
