import {
  type CheckRecordRequest,
  type RecordVerification,
  type SignedCheckRecord,
  RecordVerificationSchema,
  SignedCheckRecordSchema,
} from './check-record-schema.ts';
import type { CheckContext } from './check-context-schema.ts';
import { createCreditTransport, type CallOptions, type CreditClientOptions } from './create-credit-transport.ts';
import { createStatusClient, type StatusClient } from './create-status-client.ts';
import { FeedbackListResponseSchema, type FeedbackListResponse } from './feedback-list-schema.ts';
import { FeedbackResponseSchema, type FeedbackRequest, type FeedbackResponse } from './feedback-schema.ts';
import { MeasuresResponseSchema, type MeasuresResponse } from './measure-schema.ts';
import { ObjectionResponseSchema, type ObjectionRequest, type ObjectionResolution, type ObjectionResponse } from './objection-schema.ts';
import { SubjectDetailsSchema, type SubjectDetails } from './subject-details-schema.ts';

export type { CallOptions, CreditClientOptions } from './create-credit-transport.ts';
export type { StatusClient, StatusOptions } from './create-status-client.ts';

/** The whole API v1: status, changes and health (`StatusClient`) plus subjects, measures, feedback, objections and records. */
export interface CreditClient extends StatusClient {
  subject(code: string, opts?: CallOptions): Promise<SubjectDetails>;
  measures(opts?: CallOptions & { context?: CheckContext }): Promise<MeasuresResponse>;
  /** Retried like a read: the idempotency key makes a repeat harmless. */
  feedback(req: FeedbackRequest, opts?: CallOptions): Promise<FeedbackResponse>;
  /** Never retried: an objection has no idempotency key. */
  objection(req: ObjectionRequest, opts?: CallOptions): Promise<ObjectionResponse>;
  resolveObjection(id: string, res: ObjectionResolution, opts?: CallOptions): Promise<ObjectionResponse>;
  /** `GET /api/v1/feedback` (department role): feedback already given for a subject, for one case when given. */
  feedbackList(code: string, caseReference?: string | null, opts?: CallOptions): Promise<FeedbackListResponse>;
  /** `POST /api/v1/records`: the platform checks the codes and signs what it answered. Not retried. */
  records(req: CheckRecordRequest, opts?: CallOptions): Promise<SignedCheckRecord>;
  /** `POST /api/v1/records/verify`: the platform's judgement of a saved record (any JSON may be sent). */
  verifyRecord(signed: unknown, opts?: CallOptions): Promise<RecordVerification>;
}

/** A client for the credit-platform API v1; every answer is validated against `core/api` schemas. */
export function createCreditClient(options: CreditClientOptions): CreditClient {
  const transport = createCreditTransport(options);
  const { call, get } = transport;
  return {
    ...createStatusClient(transport, options.now),
    subject: (code, opts = {}) => get(`/api/v1/subjects/${encodeURIComponent(code)}`, SubjectDetailsSchema, opts.signal),
    measures: (opts = {}) => get(`/api/v1/measures${opts.context ? `?context=${encodeURIComponent(opts.context)}` : ''}`, MeasuresResponseSchema, opts.signal),
    feedback: (req, opts = {}) =>
      call({ method: 'POST', path: '/api/v1/feedback', body: req, schema: FeedbackResponseSchema, retry: true, signal: opts.signal }),
    objection: (req, opts = {}) =>
      call({ method: 'POST', path: '/api/v1/objections', body: req, schema: ObjectionResponseSchema, retry: false, signal: opts.signal }),
    feedbackList: (code, caseReference, opts = {}) => {
      const query = new URLSearchParams({ code });
      if (caseReference) query.set('caseReference', caseReference);
      return get(`/api/v1/feedback?${query.toString()}`, FeedbackListResponseSchema, opts.signal);
    },
    records: (req, opts = {}) =>
      call({ method: 'POST', path: '/api/v1/records', body: req, schema: SignedCheckRecordSchema, retry: false, signal: opts.signal }),
    verifyRecord: (signed, opts = {}) =>
      call({ method: 'POST', path: '/api/v1/records/verify', body: signed, schema: RecordVerificationSchema, retry: true, signal: opts.signal }),
    resolveObjection: (id, res, opts = {}) =>
      call({
        method: 'POST',
        path: `/api/v1/objections/${encodeURIComponent(id)}/resolve`,
        body: res,
        schema: ObjectionResponseSchema,
        retry: false,
        signal: opts.signal,
      }),
  };
}
