// Skills as written in `Recommended Skills` values: split into items and folded so that spelling
// variants meet (`Golang`/`Go`, case, trailing dots, backticks, emphasis). LFX-free, LSP-free.
import { memoString } from './memo';

/** Spellings that mean the same skill, by folded form. */
const ALIASES: Record<string, string> = {
  golang: 'go',
  'go lang': 'go',
  'go language': 'go',
  'go programming': 'go',
  'go programming language': 'go',
  k8s: 'kubernetes',
  'kubernetes (k8s)': 'kubernetes',
  js: 'javascript',
  'java script': 'javascript',
  ts: 'typescript',
  'type script': 'typescript',
  py: 'python',
  python3: 'python',
  'python 3': 'python',
  'rust lang': 'rust',
  rustlang: 'rust',
  'c plus plus': 'c++',
  cpp: 'c++',
  'github actions': 'github actions',
  'gh actions': 'github actions',
  'ci/cd': 'ci/cd',
  cicd: 'ci/cd',
  'web assembly': 'webassembly',
  wasm: 'webassembly',
  'node.js': 'nodejs',
  node: 'nodejs',
  'react.js': 'react',
  reactjs: 'react',
  'vue.js': 'vue',
  vuejs: 'vue',
  yml: 'yaml',
  'shell scripting': 'shell',
  'bash scripting': 'bash',
};

/** Phrases that introduce a skill rather than being one: `Familiarity with Go` is `Go`. */
const LEADING_PHRASE =
  /^(?:(?:some|basic|good|strong|solid|prior|general)\s+)?(?:(?:knowledge|understanding|familiarity|experience|proficiency|interest|expertise)\s+(?:of|with|in)\s+|(?:familiar|experienced|proficient|comfortable)\s+with\s+)(?:the\s+)?/i;

const MAX_SKILL_LENGTH = 40;
const MAX_SKILL_WORDS = 4;

/** Strips markup and trims a raw skill item; returns '' when it is not a plausible skill. */
export function cleanSkill(raw: string): string {
  let s = raw.slice(0, 200).trim();
  s = s.replace(/^(?:[-*+]|\d+[.)])\s+/, ''); // list marker
  s = s.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1'); // links to their text
  s = s.replace(/[`*_]+/g, ''); // code and emphasis markers
  s = s.replace(/^(?:and|or|&)\s+/i, '');
  s = s.replace(LEADING_PHRASE, '');
  s = s.replace(/[\s.;:!]+$/, '').trim();
  s = s.replace(/\s+/g, ' ');
  if (!s || s.length > MAX_SKILL_LENGTH) return '';
  if (s.split(' ').length > MAX_SKILL_WORDS) return '';
  if (!/[A-Za-z0-9]/.test(s)) return '';
  if (/^(?:tbd|n\/a|none|etc)$/i.test(s)) return '';
  return s;
}

/** The folded key of a skill: lowercase, no trailing dots, aliases resolved. */
export const skillKey = memoString((skill: string): string => {
  const folded = skill
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[`*_]+/g, '')
    .replace(/[\s.]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return ALIASES[folded] ?? folded;
});

/** Splits a skills value into cleaned items (commas, semicolons, `and`, line breaks, bullets). */
export function splitSkills(value: string): string[] {
  const out: string[] = [];
  // Commas inside parentheses belong to one item: `Go (basics, testing)`.
  for (const line of value.slice(0, 5_000).split(/\n/)) {
    let depth = 0;
    let current = '';
    for (const ch of line) {
      if (ch === '(') depth++;
      else if (ch === ')') depth = Math.max(0, depth - 1);
      if (depth === 0 && (ch === ',' || ch === ';' || ch === '，' || ch === '、')) {
        out.push(current);
        current = '';
      } else current += ch;
    }
    out.push(current);
  }
  const items: string[] = [];
  for (const part of out) {
    // `Go and Kubernetes` is two skills; `Rock and roll` rarely appears in a skills list.
    for (const piece of part.split(/\s+(?:and|&)\s+/i)) {
      const skill = cleanSkill(piece);
      if (skill) items.push(skill);
    }
  }
  return items;
}
