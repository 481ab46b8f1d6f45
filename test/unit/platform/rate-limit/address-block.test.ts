import { describe, expect, it } from 'vitest';
import { addressBlock } from '../../../../platform/rate-limit/address-block.ts';

describe('addressBlock', () => {
  it.each([
    ['192.0.2.7', '192.0.2.7'],
    ['127.0.0.1', '127.0.0.1'],
    ['::ffff:192.0.2.7', '192.0.2.7'],
    ['::FFFF:10.1.2.3', '10.1.2.3'],
    ['2001:db8:1:2:aaaa:bbbb:cccc:dddd', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002::1', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['2001:db8:0:0:ffff::2', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1:2:3:4', 'fe80:0:0:0::/64'],
  ])('returns %s counted as %s', (ip, block) => {
    expect(addressBlock(ip)).toBe(block);
  });

  it('returns the same block for two addresses of one /64 and different blocks across /64s', () => {
    expect(addressBlock('2001:db8:1:2::a')).toBe(addressBlock('2001:db8:1:2:ffff:ffff:ffff:ffff'));
    expect(addressBlock('2001:db8:1:2::a')).not.toBe(addressBlock('2001:db8:1:3::a'));
  });
});
