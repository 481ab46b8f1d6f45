/**
 * `AbortSignal.any` where the runtime has it, a small equivalent where it does not (older
 * WebViews that embed the widget). Aborts with the first input signal's reason.
 */
export function anySignal(signals: readonly AbortSignal[]): AbortSignal {
  const native = (AbortSignal as { any?: (s: AbortSignal[]) => AbortSignal }).any;
  if (typeof native === 'function') return native.call(AbortSignal, [...signals]);
  const controller = new AbortController();
  const already = signals.find((s) => s.aborted);
  if (already) {
    controller.abort(already.reason);
    return controller.signal;
  }
  const listeners = signals.map((source) => {
    const listener = (): void => {
      signals.forEach((s, i) => s.removeEventListener('abort', listeners[i]!));
      controller.abort(source.reason);
    };
    source.addEventListener('abort', listener);
    return listener;
  });
  return controller.signal;
}
