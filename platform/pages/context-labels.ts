import type { CheckContext } from '../../core/api/check-context-schema.ts';
import { CHECK_CONTEXTS } from '../../core/api/check-context-schema.ts';
import { glossary } from '../../core/present/glossary.ts';

/** Where a check happened, as the printed record names it: the glossary's Chinese name, then its English one. */
export const CONTEXT_LABELS = Object.fromEntries(CHECK_CONTEXTS.map((c) => [c, `${glossary('zh-CN').contexts[c]} ${glossary('en').contexts[c]}`])) as Record<
  CheckContext,
  string
>;
