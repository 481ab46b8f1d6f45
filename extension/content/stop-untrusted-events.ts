/**
 * The card's forms make the background post objections and feedback with the department's token,
 * so only a person may drive them. The overlay's shadow root is closed, so a page script should
 * never hold one of our elements; if it ever does, what it dispatches (a click, a submit, a
 * change) carries `isTrusted: false`. Stopped in the capture phase at our root, such an event
 * never reaches a control's own handler, and its default action (a submit button's form
 * submission, a radio toggle) is cancelled.
 *
 * `form.requestSubmit()` is the exception that `isTrusted` misses: the browser fires that `submit`
 * itself, trusted. So a submit passes only as the default action of a person's own submitting
 * gesture on that form — a click on one of its submit buttons, or Enter in one of its one-line
 * fields — and only once per gesture: the browser submits synchronously, in the gesture's task,
 * so a script that slips a `requestSubmit()` in behind a person's key press (from its own listener
 * on the window, which the event reaches after ours) finds no gesture to ride on unless the press
 * submits that form anyway, and then the press still submits once.
 *
 * Focus, blur and pointer enter/leave pass: they only open or close the card.
 */

/** Events that can make the card send something: activation, form submission and editing. */
export const GUARDED_EVENTS = ['click', 'dblclick', 'auxclick', 'submit', 'reset', 'change', 'input', 'beforeinput', 'keydown', 'keypress', 'keyup'] as const;

/** Stops every guarded event inside `root` that no person caused, until `signal` aborts. */
export function stopUntrustedEvents(root: ShadowRoot | Element, signal: AbortSignal): void {
  /** The form a person's gesture, being handled now, would submit. */
  let submitting: { form: HTMLFormElement } | null = null;
  /** A submit passed in this task: one press of Enter (keydown, keypress) submits once. */
  let spent = false;
  const endOfTask = (then: () => void) => setTimeout(then, 0);
  const stop = (event: Event): void => {
    if (event.isTrusted && event.type !== 'submit') {
      const form = spent ? null : submittedBy(event);
      if (form) {
        const gesture = { form };
        submitting = gesture;
        // Over once this task ends: whatever it submits, it submits before then.
        endOfTask(() => {
          if (submitting === gesture) submitting = null;
        });
      }
      return;
    }
    if (event.isTrusted && submitting !== null && submitting.form === event.target) {
      submitting = null;
      spent = true;
      endOfTask(() => (spent = false));
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  for (const type of GUARDED_EVENTS) root.addEventListener(type, stop, { capture: true, signal });
}

/** The form that `event`, a person's input, submits as its default action, if it is a submitting gesture. */
function submittedBy(event: Event): HTMLFormElement | null {
  // Typing and every other key are the common case: decided on the event alone, before its path is read.
  const click = event.type === 'click';
  if (!click && !isEnter(event)) return null;
  const target = event.composedPath()[0];
  if (!(target instanceof Element)) return null;
  if (click) {
    const button = target.closest('button, input');
    return isSubmitControl(button) ? button.form : null;
  }
  // Enter in a one-line field submits its form; Enter on a button clicks it, and that click is the gesture.
  return target instanceof HTMLInputElement && !NON_SUBMITTING_INPUTS.has(target.type) ? target.form : null;
}

function isEnter(event: Event): boolean {
  if (event.type !== 'keydown' && event.type !== 'keypress') return false;
  const key = event as KeyboardEvent;
  return key.key === 'Enter' && !key.isComposing;
}

/** Input types on which Enter does not submit the form. */
const NON_SUBMITTING_INPUTS = new Set(['button', 'reset', 'file', 'image', 'hidden']);

function isSubmitControl(element: Element | null): element is HTMLButtonElement | HTMLInputElement {
  if (element instanceof HTMLButtonElement) return element.type === 'submit' && !element.disabled;
  return element instanceof HTMLInputElement && (element.type === 'submit' || element.type === 'image') && !element.disabled;
}
