/** @vitest-environment happy-dom */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GUARDED_EVENTS, stopUntrustedEvents } from '../../../../extension/content/stop-untrusted-events.ts';

/** An event as the browser makes it for a person's input (happy-dom has no way to make one). */
function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

describe('stopUntrustedEvents', () => {
  let controller: AbortController;
  let root: ShadowRoot;
  let form: HTMLFormElement;
  let button: HTMLButtonElement;
  let seen: string[];

  beforeEach(() => {
    vi.useFakeTimers();
    controller = new AbortController();
    const host = document.createElement('div');
    document.body.append(host);
    root = host.attachShadow({ mode: 'closed' });
    root.innerHTML =
      '<form><input name="caseReference"><input type="radio" name="outcome" value="applied"><textarea name="note"></textarea><button type="submit">提交</button></form>';
    form = root.querySelector('form')!;
    button = root.querySelector('button')!;
    seen = [];
    for (const type of GUARDED_EVENTS) root.querySelector('input')!.addEventListener(type, () => seen.push(type));
    button.addEventListener('click', () => seen.push('click'));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      seen.push('submit');
    });
    stopUntrustedEvents(root, controller.signal);
  });
  afterEach(() => {
    controller.abort();
    document.body.innerHTML = '';
    vi.useRealTimers();
  });

  it('stops a click a script dispatched before the button sees it, and cancels its default action', () => {
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
    button.dispatchEvent(click);
    expect(seen).toEqual([]);
    expect(click.defaultPrevented).toBe(true);
  });

  it.each(['submit', 'change', 'input', 'keydown'])('stops a synthetic %s', (type) => {
    const target = type === 'submit' ? form : root.querySelector('input')!;
    target.dispatchEvent(new Event(type, { bubbles: true, cancelable: true }));
    expect(seen).toEqual([]);
  });

  it('lets a person’s click, typing and change through', () => {
    const input = root.querySelector('input')!;
    input.dispatchEvent(trusted(new Event('input', { bubbles: true })));
    input.dispatchEvent(trusted(new Event('change', { bubbles: true })));
    button.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, cancelable: true })));
    expect(seen).toEqual(['input', 'change', 'click']);
  });

  it('lets a submit through while a person’s click on the submit button is handled', () => {
    const click = trusted(new MouseEvent('click', { bubbles: true, cancelable: true }));
    button.dispatchEvent(click);
    // The browser submits as the click's default action, in the same task.
    form.dispatchEvent(trusted(new Event('submit', { bubbles: true, cancelable: true })));
    expect(seen).toEqual(['click', 'submit']);
  });

  it('stops a trusted submit no person caused (requestSubmit from a script), even right after a click', () => {
    form.dispatchEvent(trusted(new Event('submit', { bubbles: true, cancelable: true })));
    button.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, cancelable: true })));
    vi.advanceTimersByTime(1);
    form.dispatchEvent(trusted(new Event('submit', { bubbles: true, cancelable: true })));
    expect(seen).toEqual(['click']);
  });

  const submitEvent = () => trusted(new Event('submit', { bubbles: true, cancelable: true }));
  const key = (key: string) => trusted(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));

  it('lets a submit through while a person’s Enter in a one-line field is handled', () => {
    root.querySelector('input[name=caseReference]')!.dispatchEvent(key('Enter'));
    form.dispatchEvent(submitEvent());
    expect(seen).toEqual(['keydown', 'submit']);
  });

  it('lets one submit through per gesture: a script’s requestSubmit right behind the person’s is stopped', () => {
    button.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, cancelable: true })));
    form.dispatchEvent(submitEvent());
    form.dispatchEvent(submitEvent());
    expect(seen).toEqual(['click', 'submit']);
  });

  it('lets one press of Enter submit once, though its keydown and keypress both reach the field', () => {
    const field = root.querySelector('input[name=caseReference]')!;
    field.dispatchEvent(key('Enter'));
    form.dispatchEvent(submitEvent());
    field.dispatchEvent(trusted(new KeyboardEvent('keypress', { key: 'Enter', bubbles: true, cancelable: true })));
    form.dispatchEvent(submitEvent());
    expect(seen.filter((type) => type === 'submit')).toEqual(['submit']);
    vi.advanceTimersByTime(1);
    field.dispatchEvent(key('Enter'));
    form.dispatchEvent(submitEvent());
    expect(seen.filter((type) => type === 'submit')).toEqual(['submit', 'submit']);
  });

  it('takes Enter on the submit button for no gesture of its own: the click it makes is', () => {
    button.dispatchEvent(key('Enter'));
    form.dispatchEvent(submitEvent());
    expect(seen).not.toContain('submit');
  });

  it.each([
    ['Space on a radio', () => root.querySelector('input[type=radio]')!.dispatchEvent(key(' '))],
    ['Enter in a textarea', () => root.querySelector('textarea')!.dispatchEvent(key('Enter'))],
    ['a letter in a field', () => root.querySelector('input[name=caseReference]')!.dispatchEvent(key('a'))],
    ['a click on the field', () => root.querySelector('input[name=caseReference]')!.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })))],
  ])('stops a script’s requestSubmit raced in behind a person’s gesture that submits nothing: %s', (_, gesture) => {
    gesture();
    form.dispatchEvent(submitEvent());
    expect(seen).not.toContain('submit');
  });

  it('stops guarding when the signal aborts', () => {
    controller.abort();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    // The click reaches the button, and its default action submits the form.
    expect(seen).toEqual(['click', 'submit']);
  });
});
