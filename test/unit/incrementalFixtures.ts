// Invented ideas files for the incremental-model property test and the benchmark. Every person,
// project, issue and address here is made up (people like `Alice Example (@alice-example,
// alice@example.org)`); nothing is copied from real term files.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Small deterministic PRNG (mulberry32) so a seed always gives the same file. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Alice', 'Bruno', 'Chiara', 'Dmitri', 'Esme', 'Farid', 'Greta', 'Hiro', 'Ines', 'Jonas', 'Kemi', 'Lars', 'Mona', 'Nils', 'Oona', 'Pavel'];
const LAST = ['Example', 'Sample', 'Placeholder', 'Fictive', 'Madeup', 'Inventa', 'Dummy', 'Testwell'];
const PROJECTS = ['Acorn Mesh', 'Birchctl', 'Cobalt Registry', 'Driftwood', 'Emberflow', 'Fernlight', 'Glacier Proxy', 'Hollow Trace', 'Inkwell', 'Juniper Edge', 'Kelp Operator', 'Lumen Policy', 'Mossbank', 'Nimbus Queue', 'Orchard CI', 'Pebble DB'];
const VERBS = ['Improve', 'Add', 'Refactor', 'Document', 'Benchmark', 'Harden', 'Extend', 'Prototype'];
const THINGS = ['the plugin loader', 'metrics export', 'the CLI experience', 'multi-cluster sync', 'policy dry-run', 'the web dashboard', 'conformance tests', 'storage backends', 'OpenTelemetry traces', 'the Helm chart'];
const SKILLS = ['Go', 'Rust', 'TypeScript', 'Kubernetes', 'Helm', 'Prometheus', 'gRPC', 'React', 'Python', 'eBPF', 'Technical writing'];
const WORDS = 'the project needs a mentee to explore design implement test and document a small but useful change across its codebase with care for users maintainers and reviewers'.split(' ');

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)];
}

function sentence(r: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(pick(r, WORDS));
  const s = out.join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1) + '.';
}

function slugPart(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

export interface InventOptions {
  seed?: number;
  /** Number of CNCF project sections. */
  projects?: number;
  /** Maximum proposals per project (at least one). */
  maxProposals?: number;
  /** Longer descriptions make bigger files. */
  descriptionSentences?: number;
  /** Add oddities: sub-projects, blockquotes, code blocks, labels without bullets, duplicate titles. */
  variants?: boolean;
  /** `readme`: a term README with timeline and TOC; `ideas`: a project_ideas.md with the Template block. */
  form?: 'readme' | 'ideas';
}

/** An invented ideas file. Deterministic for a given seed and options. */
export function inventIdeasFile(options: InventOptions = {}): string {
  const r = rng(options.seed ?? 1);
  const projects = options.projects ?? 12;
  const maxProposals = options.maxProposals ?? 4;
  const sentences = options.descriptionSentences ?? 3;
  const variants = options.variants ?? true;
  const form = options.form ?? 'ideas';
  const lines: string[] = [];
  const toc: string[] = [];
  const body: string[] = [];
  let issue = 100;

  const mentor = (): string => {
    const first = pick(r, FIRST);
    const last = pick(r, LAST);
    const handle = `${first}-${last}`.toLowerCase();
    const style = variants ? Math.floor(r() * 8) : 0;
    if (style === 1) return `${first} ${last} (${handle}, <${handle}@example.org>)`;
    if (style === 2) return `${first} ${last} (@${handle})`;
    if (style === 3) return `[${first} ${last}](https://github.com/${handle}) (${handle}@example.com)`;
    return `${first} ${last} (@${handle}, ${handle}@example.org)`;
  };

  const proposal = (level: number, project: string, index: number): void => {
    const title = `${pick(r, VERBS)} ${pick(r, THINGS)} in ${project}${variants && r() < 0.1 ? ' `v2`' : ''}${r() < 0.05 ? '' : ` ${index + 1}`}`;
    toc.push(`${'  '.repeat(level - 3)}* [${title}](#${slugPart(title)})`);
    body.push(`${'#'.repeat(level)} ${title}`, '');
    const bullet = variants && r() < 0.1 ? '*' : '-';
    const bold = variants && r() < 0.1;
    const label = (l: string) => (bold ? `**${l}**:` : `${l}:`);
    body.push(`${bullet} ${label('Description')} ${Array.from({ length: sentences }, () => sentence(r, 12 + Math.floor(r() * 14))).join(' ')}`);
    if (variants && r() < 0.15) body.push(`  ${sentence(r, 10)}`);
    if (variants && r() < 0.1) body.push('', '```yaml', 'kind: Example', 'spec:', '  replicas: 3', '```', '');
    if (variants && r() < 0.08) body.push('', `> Note: ${sentence(r, 8)}`, '');
    if (r() < 0.5) {
      body.push(`${bullet} ${label('Expected Outcome')}`);
      const n = 1 + Math.floor(r() * 3);
      for (let i = 0; i < n; i++) body.push(`  - ${sentence(r, 8)}`);
    } else body.push(`${bullet} ${label('Expected Outcome')} ${sentence(r, 15)}`);
    const skills = Array.from({ length: 2 + Math.floor(r() * 3) }, () => pick(r, SKILLS)).join(', ');
    body.push(variants && r() < 0.05 ? `Recommended Skills: ${skills}` : `${bullet} ${label('Recommended Skills')} ${skills}`);
    body.push(`${bullet} ${label(variants && r() < 0.2 ? 'Mentors' : 'Mentor(s)')}`);
    const mentors = 1 + Math.floor(r() * 3);
    for (let i = 0; i < mentors; i++) body.push(`  - ${mentor()}`);
    const org = slugPart(project);
    const up = r();
    if (up < 0.6) body.push(`${bullet} ${label('Upstream Issue')} https://github.com/${org}/${org}/issues/${issue++}`);
    else if (up < 0.8) body.push(`${bullet} ${label('Upstream Issue (URL)')} <https://github.com/${org}/${org}/issues/${issue++}>`);
    else body.push(`${bullet} ${label('Upstream Issue')} ${org}/${org}#${issue++}`);
    if (form === 'readme') body.push(`${bullet} LFX URL: https://mentorship.lfx.linuxfoundation.org/project/${Math.floor(r() * 1e8).toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`);
    body.push('');
  };

  for (let p = 0; p < projects; p++) {
    const name = PROJECTS[p % PROJECTS.length] + (p >= PROJECTS.length ? ` ${Math.floor(p / PROJECTS.length) + 1}` : '');
    toc.push(`* [${name}](#${slugPart(name)})`);
    body.push(`### ${name}`, '');
    if (variants && r() < 0.1) body.push(sentence(r, 10), '');
    const count = 1 + Math.floor(r() * maxProposals);
    if (variants && r() < 0.12) {
      // A sub-project: Project > Sub > proposals.
      const sub = `${name} ${pick(r, ['Operator', 'SDK', 'Docs'])}`;
      body.push(`#### ${sub}`, '');
      for (let i = 0; i < count; i++) proposal(5, sub, i);
    } else for (let i = 0; i < count; i++) proposal(4, name, i);
  }

  if (form === 'readme') {
    lines.push('# Term 07 - 2031 Invented Term', '', 'Status: Planning', '', '### Timeline', '');
    lines.push('| **Activity** | **Dates (2031)** |', '|---|---|', '| **Project Proposals Open** | Mon, Jan 6 |', '| **Last Day of Term** | Fri, May 30 |', '');
    lines.push('### Project instructions', '', 'Propose ideas through a pull request to this invented repository.', '', '---', '');
    lines.push(...toc, '');
  } else {
    lines.push('## Template', '', '```', '### CNCF Project Name', '', '#### Mentorship project Title', '', '- Description:', '- Expected Outcome:', '- Recommended Skills:', '- Mentor(s):', '  - Mentor Name (@mentor_github, mentor@email.addy)', '- Upstream Issue:', '', '```', '', '---', '', '## Proposed Project ideas', '');
  }
  lines.push(...body);
  return lines.join('\n');
}

/** An invented file of about `bytes` bytes (a term README: timeline, TOC, projects). */
export function inventLargeFile(bytes = 170_000, seed = 7): string {
  let projects = 16;
  for (;;) {
    const text = inventIdeasFile({ seed, projects, maxProposals: 6, descriptionSentences: 4, form: 'readme' });
    if (text.length >= bytes || projects > 2000) return text;
    projects = Math.ceil(projects * Math.max(1.05, Math.min(2, bytes / text.length)));
  }
}

/** Lines worth inserting in edit tests: headings at every level, labels, mentors, fences, quotes, breaks, HTML, definitions. */
export const EDIT_LINES = [
  '### New Project',
  '#### New idea',
  '##### Deeper idea',
  '## Section',
  '# Top',
  '- Description: an invented change',
  '- Expected Outcome: something works',
  '- Recommended Skills: Go, Rust',
  '- Mentor(s):',
  '  - Alice Example (@alice-example, alice@example.org)',
  '  - Bruno Sample (bruno-sample, <bruno@example.com>)',
  '- Upstream Issue: https://github.com/acorn/acorn/issues/7',
  '- LFX URL: https://mentorship.lfx.linuxfoundation.org/project/00000000-0000-4000-8000-000000000001',
  '```',
  '    indented code',
  '---',
  '===',
  '> quoted text',
  '',
  '<!-- comment',
  '-->',
  '[ref]: https://example.org',
  '#### `code` title:',
];

const EDIT_CHARS = ['#', '-', '*', ' ', '\n', '\r\n', '`', '>', ':', '@', '(', ')', '[', ']', 'a', 'Z', '='];

/** A random edit on `text` (offsets into it): characters, deletions, whole lines, line breaks. */
export function randomEdit(text: string, r: () => number): { start: number; end: number; text: string } {
  const n = text.length;
  const at = Math.floor(r() * (n + 1));
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  let lineEnd = text.indexOf('\n', at);
  if (lineEnd < 0) lineEnd = n;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const k = r();
  if (k < 0.35) return { start: at, end: at, text: Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(r, EDIT_CHARS)).join('') };
  if (k < 0.55) return { start: at, end: Math.min(n, at + 1 + Math.floor(r() * 20)), text: '' };
  if (k < 0.75) return { start: lineStart, end: lineStart, text: pick(r, EDIT_LINES) + eol };
  if (k < 0.85) return { start: lineStart, end: Math.min(n, lineEnd + 1), text: '' };
  if (k < 0.95) return { start: at, end: at, text: eol };
  // Copy another line here (duplicate headings, mentors, labels).
  const from = Math.floor(r() * n);
  const s = text.lastIndexOf('\n', from - 1) + 1;
  let e = text.indexOf('\n', from);
  if (e < 0) e = n;
  return { start: lineStart, end: lineStart, text: text.slice(s, e).replace(/\r$/, '') + eol };
}

const FIXTURE_DIR = path.resolve(__dirname, '../fixtures/parser');

export interface EditFixture {
  name: string;
  path: string;
  text: string;
}

/** The parser fixtures and invented files (LF, CRLF, README, GSoC, a chunk for the line scanner) the edit tests start from. */
export function editFixtures(): EditFixture[] {
  const out: EditFixture[] = [];
  if (fs.existsSync(FIXTURE_DIR)) {
    for (const f of fs.readdirSync(FIXTURE_DIR).sort()) {
      if (f.endsWith('.md')) out.push({ name: f, path: `/ws/${f}`, text: fs.readFileSync(path.join(FIXTURE_DIR, f), 'utf8') });
    }
  }
  out.push({ name: 'invented ideas', path: '/ws/programs/lfx-mentorship/2031/01-Mar-May/project_ideas.md', text: inventIdeasFile({ seed: 3, projects: 6, maxProposals: 3 }) });
  out.push({ name: 'invented readme', path: '/ws/programs/lfx-mentorship/2031/01-Mar-May/README.md', text: inventIdeasFile({ seed: 11, projects: 5, maxProposals: 3, form: 'readme' }) });
  out.push({ name: 'invented gsoc crlf', path: '/ws/programs/summerofcode/2031.md', text: inventIdeasFile({ seed: 5, projects: 4, maxProposals: 2 }).replace(/\n/g, '\r\n') });
  out.push({ name: 'invented plain', path: '/ws/notes/ideas.md', text: inventIdeasFile({ seed: 21, projects: 5, maxProposals: 3, variants: false }) });
  // One chunk over the nested item limit: the parser (and the incremental state) read that chunk with
  // the line scanner, the others with remark.
  const nested = '\n## Notes\n\n- list\n' + '  - nested item\n'.repeat(640) + '\n';
  out.push({ name: 'invented, line scanner', path: '/ws/project_ideas.md', text: inventIdeasFile({ seed: 31, projects: 3, maxProposals: 2 }) + nested + inventIdeasFile({ seed: 32, projects: 3, maxProposals: 2 }) });
  return out;
}
