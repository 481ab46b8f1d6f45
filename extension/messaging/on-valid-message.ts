/**
 * Registers a handler that only ever sees data that passed the message's schema, and whose
 * failures come back as `Result` values: a thrown `CreditError` keeps its `kind`, anything else
 * is `internal`. Handlers for messages that answer `void` may return nothing.
 */
import type { GetDataType, GetReturnType, RemoveListenerCallback } from '@webext-core/messaging';
import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { isCreditError } from '../../core/api/credit-error.ts';
import { messenger as defaultMessenger, REQUEST_SCHEMAS, type ProtocolMap } from './protocol.ts';
import { fail, MESSAGE_ERROR_KINDS, type MessageErrorKind } from './result.ts';

/** Where a message came from, as far as handlers need it. */
export interface MessageOrigin {
  tabId: number | null;
  frameId: number | null;
  /** True for the extension's own pages (popup, options), false for content scripts. */
  extensionPage: boolean;
}

type Handler<K extends keyof ProtocolMap> = (
  data: GetDataType<ProtocolMap[K]>,
  origin: MessageOrigin,
) => GetReturnType<ProtocolMap[K]> | Promise<GetReturnType<ProtocolMap[K]>>;

/** Listens for `type`, validating its data first; returns the function that stops listening. */
export function onValidMessage<K extends keyof ProtocolMap>(
  type: K,
  handler: Handler<K>,
  messenger: Pick<typeof defaultMessenger, 'onMessage'> = defaultMessenger,
): RemoveListenerCallback {
  const schema = REQUEST_SCHEMAS[type] as z.ZodMiniType;
  return messenger.onMessage(type, async (message) => {
    const parsed = z.safeParse(schema, message.data);
    if (!parsed.success) {
      return fail('invalid-message', `${String(type)}: ${parsed.error.issues[0]?.message ?? 'invalid data'}`) as never;
    }
    const sender = (message as { sender?: { tab?: { id?: number }; frameId?: number; url?: string } }).sender;
    // The popup opened in a tab has a `tab` too: its URL tells it apart from a content script.
    const extensionPage = !sender?.tab || (sender.url ?? '').startsWith(extensionOrigin());
    const origin: MessageOrigin = {
      tabId: extensionPage ? null : (sender?.tab?.id ?? null),
      frameId: extensionPage ? null : (sender?.frameId ?? 0),
      extensionPage,
    };
    try {
      return await handler(parsed.data as GetDataType<ProtocolMap[K]>, origin);
    } catch (error) {
      return errorToResult(error) as never;
    }
  });
}

function extensionOrigin(): string {
  return browser.runtime?.getURL?.('') ?? 'chrome-extension://';
}

/** Converts anything thrown into a failed `Result`, keeping a `CreditError`'s kind. */
export function errorToResult(error: unknown) {
  if (isCreditError(error)) return fail(error.kind, error.message);
  const kind = (error as { kind?: unknown } | null)?.kind;
  if (typeof kind === 'string' && (MESSAGE_ERROR_KINDS as readonly string[]).includes(kind)) {
    return fail(kind as MessageErrorKind, String((error as Error).message ?? kind));
  }
  return fail('internal', error instanceof Error ? error.message : String(error));
}
