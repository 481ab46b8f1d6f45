/** Posts an objection through the background (it holds the token) and turns a refusal back into a CreditError for the form. */
import { CreditError, type CreditErrorKind } from '../../core/api/credit-error.ts';
import type { ObjectionRequest, ObjectionResponse } from '../../core/api/objection-schema.ts';
import type { sendChecked } from '../messaging/send-checked.ts';

/** Sends `request` as `submitObjection`; resolves with the platform's response or rejects with its error. */
export async function submitObjection(send: typeof sendChecked, request: ObjectionRequest): Promise<ObjectionResponse> {
  const answer = await send('submitObjection', request);
  if (!answer.ok) throw new CreditError('offline', answer.error.message);
  if (answer.value.accepted) return answer.value.response;
  const { kind, status, message } = answer.value;
  throw new CreditError(kind as CreditErrorKind, message, status === null ? {} : { status });
}
