import type { CreditClient } from '../../core/api/create-credit-client.ts';
import { CreditError } from '../../core/api/credit-error.ts';
import type { FeedbackRecord } from '../../core/api/feedback-schema.ts';
import type { PlatformConfig } from '../../core/platforms/platform-config-schema.ts';
import { ownEntryId } from '../../core/platforms/platform-entry-id.ts';
import { platformsCovering } from '../../core/platforms/platforms-covering.ts';
import type { FeedbackRuntime } from '../contract/feedback-runtime.ts';
import { createFeedbackRuntime } from './create-feedback-runtime.ts';

/** One platform's feedback queue and client (create-feedback-runtime.ts). */
interface PlatformRuntime {
  id: string;
  regions: PlatformConfig['regions'];
  runtime: FeedbackRuntime;
}

/**
 * The card's feedback and objections with several platforms (issue 17): each goes to the platform
 * that owns the entry — named by the merged entry id (`hubei:e-1`, core/platforms
 * platform-entry-id.ts) — with the platform's own id of it, and waits in that platform's own queue
 * (`creditlens:feedback-queue:v1:<url>`), so it is never sent to a platform that does not hold the
 * entry. Feedback on the subject (no entry) goes to the code's first covering platform; feedback
 * already given is read from every covering platform.
 */
export function createPlatformsFeedbackRuntime(
  platforms: readonly { platform: Pick<PlatformConfig, 'id' | 'url' | 'regions'>; client: CreditClient }[],
): FeedbackRuntime {
  const runtimes: PlatformRuntime[] = platforms.map(({ platform, client }) => ({
    id: platform.id,
    regions: platform.regions,
    runtime: createFeedbackRuntime(client, platform.url),
  }));
  const covering = (code: string) => platformsCovering(code, runtimes);

  /** The platform owning `entryId` (or, for none, the code's first covering one) and the id it knows the entry by. */
  function owner(code: string, entryId: string | null): { runtime: FeedbackRuntime; entryId: string | null } {
    if (entryId === null) {
      const [first] = covering(code);
      if (!first) throw new CreditError('http', `no configured platform covers ${code}`, { status: 400 });
      return { runtime: first.runtime, entryId: null };
    }
    const own = ownEntryId(entryId);
    const found = own && runtimes.find((r) => r.id === own.platformId);
    // An id naming no configured platform fails, visibly, rather than land on a platform that may hold a namesake.
    if (!own || !found) throw new CreditError('http', `no configured platform owns entry ${entryId}`, { status: 400 });
    return { runtime: found.runtime, entryId: own.entryId };
  }

  return {
    async enqueue(draft) {
      const to = owner(draft.code, draft.entryId);
      return to.runtime.enqueue({ ...draft, entryId: to.entryId });
    },
    queued: (code) => runtimes.flatMap((r) => r.runtime.queued(code)),
    // Idempotency keys are unique: only the queue holding the item acts on it.
    retry: (key) => runtimes.forEach((r) => r.runtime.retry(key)),
    discard: (key) => runtimes.forEach((r) => r.runtime.discard(key)),
    flush: async () => {
      await Promise.all(runtimes.map((r) => r.runtime.flush()));
    },
    async given(code, caseReference) {
      const answers = await Promise.all(covering(code).map((r) => r.runtime.given(code, caseReference)));
      // One platform's list unavailable: what was given is not known in full.
      if (answers.some((a) => a === 'unavailable')) return 'unavailable';
      return (answers as FeedbackRecord[][]).flat().sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
    },
    async objection(request) {
      const to = owner(request.code, request.entryId);
      return to.runtime.objection({ ...request, entryId: to.entryId! });
    },
    listen(listener) {
      const offs = runtimes.map((r) => r.runtime.listen(listener));
      return () => offs.forEach((off) => off());
    },
    stop: () => runtimes.forEach((r) => r.runtime.stop()),
  };
}
