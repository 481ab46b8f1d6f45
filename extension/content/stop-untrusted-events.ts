/**
 * The card's forms make the background post objections and feedback with the department's token,
 * so only a person may drive them. The overlay's shadow root is closed, so a page script should
 * never hold one of our elements; if it ever does, what it dispatches (a click, a submit, a
 * change) carries `isTrusted: false`. Stopped in the capture phase at our root, such an event
 * never reaches a control's own handler, and its default action (a submit button's form
 * submission, a radio toggle) is cancelled.
 *
 * `form.requestSubmit()` is the exception that `isTrusted` misses: the browser fires that `submit`
 * itself, trusted. So a submit passes only while a trusted click or key press on our controls is
 * being handled (the button click or the Enter key that submits a form does so synchronously).
 *
 * Focus, blur and pointer enter/leave pass: they only open or close the card.
 */

/** Events that can make the card send something: activation, form submission and editing. */
export const GUARDED_EVENTS = ['click', 'dblclick', 'auxclick', 'submit', 'reset', 'change', 'input', 'beforeinput', 'keydown', 'keypress', 'keyup'] as const;

/** What a person does that may submit a form. */
const ACTIVATIONS = new Set(['click', 'keydown', 'keypress']);

/** Stops every guarded event inside `root` that no person caused, until `signal` aborts. */
export function stopUntrustedEvents(root: ShadowRoot | Element, signal: AbortSignal): void {
  let activation: Event | null = null;
  const stop = (event: Event): void => {
    if (event.isTrusted && event.type !== 'submit') {
      if (ACTIVATIONS.has(event.type)) {
        activation = event;
        // Over once this task ends: whatever it submits, it submits before then.
        setTimeout(() => {
          if (activation === event) activation = null;
        }, 0);
      }
      return;
    }
    if (event.isTrusted && activation !== null) return;
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  for (const type of GUARDED_EVENTS) root.addEventListener(type, stop, { capture: true, signal });
}
