// Reads the bundled feed so tests compute their expectations from it instead of hard-coding
// counts that would rot with every new member.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Localized = { en: string; zh?: string };
export type Member = {
  id: string;
  name: Localized;
  aliases?: string[];
  kinds: string[];
  website: string;
  industry?: string;
  country?: string;
  usage: Localized;
  joined?: string;
  announcement?: { date: string; title: Localized; url: Localized; content: unknown };
  caseStudies?: { title: Localized; url: Localized; kind: string }[];
  partner?: unknown;
  featured?: { quote: Localized; source: string };
};
export type Feed = { schemaVersion: number; generatedAt: string; members: Member[] };

export function bundledFeed(): Feed {
  return JSON.parse(readFileSync(join(__dirname, '..', '..', 'public', 'members.json'), 'utf8'));
}

/// A small valid member for feeds built inside tests.
export function member(id: string, extra: Partial<Member> = {}): Member {
  return {
    id,
    name: { en: `Org ${id}` },
    kinds: ['adopter'],
    website: `https://${id}.example.com/`,
    usage: { en: `Org ${id} uses Karmada.` },
    ...extra,
  };
}

export function feedOf(members: unknown[]): string {
  return JSON.stringify({ schemaVersion: 1, generatedAt: '2026-01-01T00:00:00Z', members });
}
