// Field labels: every spelling and form (bullet or none, bold inside/outside, colon, fullwidth
// colon or none), classified to a FieldKey, misspellings matched fuzzily.
import type { FieldKey } from '../model';

const EXACT: Record<string, FieldKey> = {};
function add(key: FieldKey, names: string[]): void {
  for (const n of names) EXACT[n] = key;
}
add('description', ['description', 'detaileddescription', 'projectdescription', 'descriptions', 'shortdescription']);
add('outcome', ['expectedoutcome', 'expectedoutcomes', 'outcome', 'outcomes', 'expectedresult', 'expectedresults', 'expectedoutput', 'deliverables']);
add('skills', ['recommendedskills', 'recommendedskill', 'requiredskills', 'requiredskill', 'skills', 'skill', 'recommended', 'skillsrequired', 'prerequisiteskills', 'desiredskills', 'recommendedskillset']);
add('mentors', ['mentors', 'mentor', 'mentorss', 'potentialmentors', 'likelymentors', 'mentorname', 'mentornames', 'primarymentor', 'comentors', 'comentor', 'projectmentors', 'projectmentor']);
add('upstream', ['issue', 'issues', 'issuess', 'githubissue', 'githubissues', 'relevantissues', 'relevantissue', 'issuelink', 'issuelinks', 'relatedissues', 'relatedissue', 'trackingissue', 'upstreamrepository', 'upstreamissue']);
add('lfx', ['lfxurl', 'lfxurls', 'lfxlink', 'lfx', 'lfxmentorshipurl', 'lfxmentorship', 'lfxprojecturl', 'apply', 'communitybridgeprojecturl', 'communitybridgeurl', 'communitybridge']);
add('size', ['expectedprojectsize', 'expectedsizeoftheproject', 'projectsize', 'expectedsize', 'size', 'sizeoftheproject']);
add('other', [
  'difficulty', 'difficultyrating', 'difficultylevel', 'technologies', 'technology', 'type', 'responsibilities', 'stretchgoal',
  'stretchgoals', 'learningopportunities', 'learningopportunity', 'background', 'expectedduration', 'duration',
  'projectduration', 'prerequisites', 'requirements', 'goals', 'goal', 'milestones', 'resources', 'references',
  'expectedtime', 'level', 'tags', 'area', 'category', 'language', 'languages', 'projectlink', 'repository', 'repo',
  'communication', 'channel', 'slack', 'slackchannel', 'notes', 'note', 'motivation', 'status', 'projectwebsite',
]);

/** The keys a proposal is recognised by (a heading followed by one of these carries fields). */
export const STRONG_KEYS: ReadonlySet<FieldKey> = new Set<FieldKey>(['description', 'outcome', 'skills', 'mentors', 'upstream']);

// Canonical names matched fuzzily (misspellings like Descrption, Metor(s), Recommend Skills).
const FUZZY: [string, FieldKey][] = [
  ['description', 'description'],
  ['expectedoutcome', 'outcome'],
  ['expectedoutcomes', 'outcome'],
  ['recommendedskills', 'skills'],
  ['recommendedskill', 'skills'],
  ['requiredskills', 'skills'],
  ['mentors', 'mentors'],
  ['mentorss', 'mentors'],
  ['upstreamissue', 'upstream'],
  ['upstreamissues', 'upstream'],
  ['upstreamissueurl', 'upstream'],
  ['expectedprojectsize', 'size'],
  ['difficulty', 'other'],
  ['technologies', 'other'],
  ['responsibilities', 'other'],
];

/** Edit distance, capped: returns max+1 as soon as it is exceeded. Inputs are short. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

export interface LabelClass {
  key: FieldKey;
  misspelled: boolean;
}

/** Normalised label: lowercase ASCII letters only (`Upstream Issue (URL)` -> `upstreamissueurl`), what
 *  classifies it; with `digits`, what tells two labels apart (`Issue 1` and `Issue 2` are two labels). */
export function normaliseLabel(label: string, { digits = false } = {}): string {
  return label.toLowerCase().replace(digits ? /[^a-z0-9]/g : /[^a-z]/g, '');
}

export function classifyLabel(label: string): LabelClass | undefined {
  const n = normaliseLabel(label);
  if (n.length < 3 || n.length > 60) return undefined;
  const exact = EXACT[n];
  if (exact) return { key: exact, misspelled: false };
  if (n.startsWith('upstream') && /issue|url|link|ticket/.test(n)) return { key: 'upstream', misspelled: false };
  if (n.startsWith('upstr') && n.includes('issue')) return { key: 'upstream', misspelled: true };
  if (n.startsWith('mentor') && n.length <= 12) return { key: 'mentors', misspelled: false };
  if (n.startsWith('expectedoutcome')) return { key: 'outcome', misspelled: false };
  if (n.startsWith('stretchgoal')) return { key: 'other', misspelled: false };
  if (n.startsWith('lfxurl') || n.startsWith('lfxmentorship')) return { key: 'lfx', misspelled: false };
  if (n.includes('projectsize') || n.includes('sizeoftheproject')) return { key: 'size', misspelled: false };
  if (n.length >= 6) {
    for (const [canon, key] of FUZZY) {
      const max = canon.length >= 10 ? 2 : 1;
      if (editDistance(n, canon, max) <= max) return { key, misspelled: true };
    }
  }
  return undefined;
}

export interface LabelMatch {
  key: FieldKey;
  /** Label as written, without bullet, bold markers or colon. */
  label: string;
  labelStart: number;
  labelEnd: number;
  /** Where the value starts on this line (line length when nothing follows). */
  valueStart: number;
  /** Column of the bullet (or of the label when no bullet). */
  indent: number;
  bulleted: boolean;
  colon: boolean;
  misspelled: boolean;
  /** A `## Label` line inside a blockquote (generated READMEs): the value is on the lines below. */
  heading?: boolean;
  /** `-Description:`: a bullet with no space after it, which markdown does not read as a list item. */
  bulletWithoutSpace?: boolean;
}

function isWs(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\u00a0';
}

const LABEL_CHAR = /[A-Za-z0-9 ()'’\-/*_&\t\u00a0]/;

/** The label in [start, end) with bold markers and spaces trimmed off its end, if it is a known one. */
function trimmedLabel(s: string, start: number, end: number): { label: string; cls: LabelClass; end: number } | undefined {
  while (end > start && (isWs(s[end - 1]) || s[end - 1] === '*' || s[end - 1] === '_')) end--;
  if (end <= start) return undefined;
  const label = s.slice(start, end);
  if (label.length > 50) return undefined;
  const cls = classifyLabel(label);
  return cls ? { label, cls, end } : undefined;
}

/** Label characters from `i` (at most 60) up to a colon (ASCII or fullwidth) or another character. */
function scanLabel(s: string, i: number): { end: number; colonAt: number } {
  let j = i;
  while (j < s.length && j - i <= 60) {
    const c = s[j];
    if (c === ':' || c === '：') return { end: j, colonAt: j };
    if (!LABEL_CHAR.test(c)) break;
    j++;
  }
  return { end: j, colonAt: -1 };
}

/** Where a label's value starts: after its colon, the bold markers closing it and spaces. */
function valueAfter(line: string, colonAt: number): number {
  let i = colonAt + 1;
  while (i < line.length && (line[i] === '*' || line[i] === '_')) i++;
  while (i < line.length && isWs(line[i])) i++;
  return i;
}

/**
 * Reads a field label at the start of a line, or undefined when the line is not a label line.
 * Only the first 200 characters are looked at.
 */
export function readLabel(line: string): LabelMatch | undefined {
  const s = line.length > 200 ? line.slice(0, 200) : line;
  let i = 0;
  while (i < s.length && isWs(s[i])) i++;
  if (i > 16) return undefined;
  const indent = i;
  let bulleted = false;
  let bulletWithoutSpace = false;
  if ((s[i] === '-' || s[i] === '*' || s[i] === '+') && i + 1 < s.length && isWs(s[i + 1])) {
    bulleted = true;
    i += 2;
    while (i < s.length && isWs(s[i])) i++;
  } else if ((s[i] === '-' || s[i] === '+') && /[A-Za-z]/.test(s[i + 1] ?? '')) {
    bulleted = bulletWithoutSpace = true; // taken for a field only with a colon and a standard label (below)
    i += 1;
  } else {
    const m = /^\d{1,2}[.)][ \t]+/.exec(s.slice(i, i + 6));
    if (m) {
      bulleted = true;
      i += m[0].length;
    }
  }
  let bold = false;
  while (s.startsWith('**', i) || s.startsWith('__', i)) {
    bold = true;
    i += 2;
  }
  if (i >= s.length || !/[A-Za-z]/.test(s[i])) return undefined;
  const labelStart = i;
  let { end: j, colonAt } = scanLabel(s, i);
  let labelEnd: number;
  let valueStart: number;
  if (colonAt >= 0) {
    labelEnd = colonAt;
    valueStart = valueAfter(line, colonAt);
  } else {
    // No colon: the whole line must be the label, with a bullet or bold.
    if (line.length > 200 || j < s.trimEnd().length) return undefined;
    if (!bulleted && !bold) return undefined;
    labelEnd = j;
    valueStart = line.length;
  }
  const found = trimmedLabel(s, labelStart, labelEnd);
  if (!found) return undefined;
  if (colonAt < 0 && found.cls.key === 'other') return undefined;
  if (bulletWithoutSpace && (colonAt < 0 || found.cls.key === 'other')) return undefined;
  // A URL-ish colon (`https:`) is no label.
  if (colonAt >= 0 && line.startsWith('//', colonAt + 1)) return undefined;
  return labelMatch(found, labelStart, { valueStart, indent, bulleted, colon: colonAt >= 0, ...(bulletWithoutSpace ? { bulletWithoutSpace } : {}) });
}

/** The match of a label found by trimmedLabel from `labelStart`, with where it sits on its line. */
function labelMatch(
  found: { label: string; cls: LabelClass; end: number },
  labelStart: number,
  at: Pick<LabelMatch, 'valueStart' | 'indent' | 'bulleted' | 'colon' | 'heading' | 'bulletWithoutSpace'>,
): LabelMatch {
  return { key: found.cls.key, label: found.label, labelStart, labelEnd: found.end, misspelled: found.cls.misspelled, ...at };
}

const HEADING_LABEL = /^([ \t]{0,16})(#{1,6})[ \t]+/;

/**
 * Reads a `## Label` line (ATX-heading form, used as a label inside blockquotes by generated term
 * READMEs; the quote markers already blanked out), or undefined. A colon may follow the label,
 * with or without a value after it.
 */
export function readHeadingLabel(line: string): LabelMatch | undefined {
  if (line.length > 200) return undefined;
  const h = HEADING_LABEL.exec(line);
  if (!h) return undefined;
  let i = h[0].length;
  while (line.startsWith('**', i) || line.startsWith('__', i)) i += 2;
  const labelStart = i;
  let { end: j, colonAt } = scanLabel(line, i);
  let valueStart = line.length;
  if (colonAt >= 0) {
    j = colonAt;
    valueStart = valueAfter(line, colonAt);
  } else if (line.slice(j).replace(/[ \t]+#*[ \t]*$/, '') !== '') return undefined;
  const found = trimmedLabel(line, labelStart, j);
  if (!found) return undefined;
  return labelMatch(found, labelStart, { valueStart, indent: h[1].length, bulleted: false, colon: colonAt >= 0, heading: true });
}
