interface Issue {
  path: readonly PropertyKey[];
  message: string;
  code?: string;
  expected?: string;
  keys?: readonly string[];
  maximum?: number | bigint;
  minimum?: number | bigint;
  origin?: string;
}

// zod/mini ships without locale messages ("Invalid input"), so the envelope's messages are built
// here from the issue codes, in plain English.
function describe(issue: Issue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown field${issue.keys && issue.keys.length > 1 ? 's' : ''}: ${(issue.keys ?? []).join(', ')}`;
    case 'invalid_type':
      return `expected ${issue.expected ?? 'another type'}`;
    case 'too_big':
      return `too ${issue.origin === 'array' ? 'many items' : issue.origin === 'string' ? 'long' : 'big'} (at most ${String(issue.maximum)})`;
    case 'too_small':
      return `too ${issue.origin === 'array' ? 'few items' : issue.origin === 'string' ? 'short' : 'small'} (at least ${String(issue.minimum)})`;
    case 'invalid_value':
      return 'not one of the allowed values';
    case 'invalid_format':
      return 'wrong format';
    default:
      return issue.message && issue.message !== 'Invalid input' ? issue.message : (issue.code ?? 'invalid');
  }
}

/** Flattens zod issues into the envelope's `{ path, message }` list (`codes.3`, or `(root)`). */
export function schemaIssues(issues: readonly Issue[]): { path: string; message: string }[] {
  return issues.slice(0, 20).map((issue) => ({
    path: issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)',
    message: describe(issue),
  }));
}
