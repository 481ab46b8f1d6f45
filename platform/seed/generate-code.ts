import { orgCodeCheckChar } from '../../core/uscc/org-code-check-char.ts';
import { parseUscc } from '../../core/uscc/parse-uscc.ts';
import { USCC_CHARSET } from '../../core/uscc/uscc-charset.ts';
import { usccCheckChar } from '../../core/uscc/uscc-check-char.ts';
import type { SeedRandom } from './seed-random.ts';

const DIGITS = USCC_CHARSET.slice(0, 10).split('');
const CHARS = USCC_CHARSET.split('');

/**
 * A new valid USCC for `authority` + `category` in `region`, unique within `taken`: positions 9-17
 * are an organization code (most newly issued ones start `MA4K`, as Hubei's do) with its GB 11714
 * check character, then the mod-31 check character.
 */
export function generateCode(random: SeedRandom, prefix: string, region: string, taken: Set<string>): string {
  for (;;) {
    let body = random.chance(0.7) ? 'MA4K' : String(random.int(3000, 7999));
    while (body.length < 8) body += random.pick(random.chance(0.5) ? DIGITS : CHARS);
    const orgCheck = orgCodeCheckChar(body);
    if (orgCheck === null) continue;
    const first17 = `${prefix}${region}${body}${orgCheck}`;
    const code = first17 + usccCheckChar(first17);
    if (taken.has(code) || parseUscc(code).validity !== 'valid') continue;
    taken.add(code);
    return code;
  }
}
