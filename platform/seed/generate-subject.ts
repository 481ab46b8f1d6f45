import type { StoredPerson, StoredSubject } from '../db/stored-records.ts';
import { generateCode } from './generate-code.ts';
import { generateResidentId } from './generate-resident-id.ts';
import {
  ASSOCIATION_KINDS,
  COMPANY_FORMS,
  COOPERATIVE_KINDS,
  GIVEN_NAMES,
  INDUSTRIES,
  INSTITUTION_KINDS,
  SHOP_KINDS,
  SURNAMES,
  TRADE_NAMES,
} from './name-words.ts';
import type { SeedRandom } from './seed-random.ts';
import { WUHAN_DISTRICTS } from './wuhan-districts.ts';

/** The kinds of subject the demo holds, with their USCC authority + category prefix. */
export const SUBJECT_KINDS = {
  enterprise: { prefix: '91', label: '企业' },
  individual: { prefix: '92', label: '个体工商户' },
  cooperative: { prefix: '93', label: '农民专业合作社' },
  association: { prefix: '51', label: '社会团体' },
  institution: { prefix: '12', label: '事业单位' },
} as const;
export type SubjectKind = keyof typeof SUBJECT_KINDS;

/** A generated subject and the person who represents it. */
export interface GeneratedSubject {
  subject: StoredSubject;
  kind: SubjectKind;
  representative: StoredPerson;
}

/** A Chinese personal name. */
export function generatePersonName(random: SeedRandom): string {
  return random.pick(SURNAMES) + random.pick(GIVEN_NAMES);
}

function subjectName(random: SeedRandom, kind: SubjectKind, districtName: string, personName: string): string {
  const trade = random.pick(TRADE_NAMES);
  switch (kind) {
    case 'enterprise':
      return `武汉市${districtName}${trade}${random.pick(INDUSTRIES)}${random.pick(COMPANY_FORMS)}`;
    case 'individual':
      return `武汉市${districtName}${personName}${random.pick(SHOP_KINDS)}`;
    case 'cooperative':
      return `武汉市${districtName}${trade}${random.pick(COOPERATIVE_KINDS)}`;
    case 'association':
      return `武汉市${districtName}${random.pick(ASSOCIATION_KINDS)}`;
    case 'institution':
      return `武汉市${districtName}${trade}${random.pick(INSTITUTION_KINDS)}`;
  }
}

/**
 * A subject with a new valid code. Half are in Hanyang (420105), the district of the source
 * document (`inHanyang` forces it, for the named fixtures); rural districts hold the cooperatives.
 */
export function generateSubject(random: SeedRandom, kind: SubjectKind, taken: Set<string>, inHanyang = false): GeneratedSubject {
  const candidates = kind === 'cooperative' ? WUHAN_DISTRICTS.filter((d) => d.rural) : WUHAN_DISTRICTS;
  const hanyang = kind !== 'cooperative' && (random.chance(0.5) || inHanyang);
  const district = hanyang ? WUHAN_DISTRICTS[0]! : random.pick(candidates);
  const personName = generatePersonName(random);
  const code = generateCode(random, SUBJECT_KINDS[kind].prefix, district.code, taken);
  const representative: StoredPerson = {
    role: kind === 'enterprise' || kind === 'cooperative' ? '法定代表人' : kind === 'individual' ? '经营者' : '负责人',
    name: personName,
    idNumber: generateResidentId(random, district.code),
  };
  return {
    subject: { code, name: subjectName(random, kind, district.name, personName), regionCode: district.code, legalRepresentative: personName },
    kind,
    representative,
  };
}
