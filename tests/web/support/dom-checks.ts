/**
 * Small waiting helpers for playwright-core (which has no test-runner matchers). They wait for a state, never
 * assert how long it took.
 */
import type { Locator, Page } from 'playwright-core';

/** Polls `read` until `ok` holds (or gives up after `limitMs`, returning the last value for the assertion). */
export async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, limitMs = 15_000): Promise<T> {
  const end = Date.now() + limitMs;
  let value = await read();
  while (!ok(value) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 50));
    value = await read();
  }
  return value;
}

export async function textOf(locator: Locator): Promise<string> {
  return (await locator.textContent()) ?? '';
}

/** Text of the element once it contains `part`. */
export async function textWhen(locator: Locator, part: string | RegExp): Promise<string> {
  await locator.first().waitFor();
  return eventually(() => textOf(locator.first()), (t) => (typeof part === 'string' ? t.includes(part) : part.test(t)));
}

export async function attrWhen(locator: Locator, name: string, expected: string | null): Promise<string | null> {
  return eventually(() => locator.getAttribute(name), (v) => v === expected);
}

export async function valueWhen(locator: Locator, expected: string): Promise<string> {
  return eventually(() => locator.inputValue(), (v) => v === expected);
}

export async function checkedWhen(locator: Locator, expected: boolean): Promise<boolean> {
  return eventually(() => locator.isChecked(), (v) => v === expected);
}

export function param(page: Page, name: string): string | null {
  return new URL(page.url()).searchParams.get(name);
}

export async function dialogLoaded(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const dialog = document.getElementById('passage-dialog') as HTMLDialogElement | null;
    return dialog?.open === true && dialog.dataset.phase === 'done';
  });
}
