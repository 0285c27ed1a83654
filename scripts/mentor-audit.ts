// Mentor and upstream audit: npx tsx scripts/mentor-audit.ts DIR [--show N] [--upstream]
// Parses every .md/.txt file in DIR and prints, to the terminal only, counts of suspicious mentor
// entries (no handle and no e-mail, odd names, handles failing GitHub's rule, e-mails failing
// something@domain.tld, proposals with a Mentor(s) value but no mentors) and of suspicious upstream
// references, with up to N raw examples each. The corpus names real people: never redirect this
// output into the repository.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseIdeas } from '../server/src/core/parse';
import { isValidHandle } from '../server/src/core/vocabulary';
import { proposalsOf } from '../server/src/core/walk';

const args = process.argv.slice(2);
const dir = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--show');
const showAt = args.indexOf('--show');
const show = showAt >= 0 ? Number(args[showAt + 1]) || 0 : 8;
if (!dir) {
  console.error('usage: tsx scripts/mentor-audit.ts DIR [--show N]');
  process.exit(2);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[A-Za-z]{2,}$/;

class Bucket {
  n = 0;
  examples = new Set<string>();
  add(example: string): void {
    this.n++;
    if (this.examples.size < 400) this.examples.add(example.replace(/\s+/g, ' ').slice(0, 200));
  }
}

const buckets: Record<string, Bucket> = {};
const bucket = (name: string) => (buckets[name] ??= new Bucket());
const totals = { files: 0, proposals: 0, mentors: 0, refs: 0, mentorFields: 0 };

for (const f of readdirSync(dir).filter((x) => /\.(md|txt)$/i.test(x)).sort()) {
  const path = join(dir, f);
  if (!statSync(path).isFile()) continue;
  const text = readFileSync(path, 'utf8');
  const model = parseIdeas(text, { path: f });
  totals.files++;
  for (const { proposal: p } of proposalsOf(model)) {
    totals.proposals++;
    totals.mentors += p.mentors.length;
    for (const m of p.mentors) {
      if (!m.handle && !m.email) bucket('mentor: no handle and no email').add(m.raw);
      if (m.name) {
        if (m.name.split(/\s+/).length > 5) bucket('mentor: name longer than 5 words').add(m.raw);
        if (/https?:|www\.|\.com\b/i.test(m.name)) bucket('mentor: name with a URL').add(m.raw);
        if (m.name.includes('@')) bucket('mentor: name with @').add(m.raw);
        if (/[()（）]/.test(m.name)) bucket('mentor: name with parentheses').add(m.raw);
      }
      if (m.handle !== undefined && !isValidHandle(m.handle)) bucket('mentor: handle fails GitHub rule').add(`${m.handle}  <=  ${m.raw}`);
      if (m.email !== undefined && !EMAIL.test(m.email)) bucket('mentor: email fails x@y.tld').add(`${m.email}  <=  ${m.raw}`);
    }
    for (const m of p.mentors) {
      if (/\bAT\b|\[at\]|\(at\)|\{at\}/.test(m.raw) && /\bDOT\b|\[dot\]|\(dot\)/i.test(m.raw) && !m.deviations.includes('obfuscated-email')) bucket('mentor: AT/DOT not decoded').add(m.raw);
      if (/\bprimary\b/i.test(m.raw) && !m.primary) bucket('mentor: says primary but not primary').add(m.raw);
      if (/github\.com\/[A-Za-z0-9]/i.test(m.raw) && !m.handle) bucket('mentor: profile URL but no handle').add(m.raw);
      if (/mailto:/i.test(m.raw) && !m.email) bucket('mentor: mailto but no email').add(m.raw);
      if (m.name && /^(?:mentors?|primary|co-?mentors?)\b/i.test(m.name)) bucket('mentor: role label left in name').add(m.raw);
    }
    const mf = p.fields.filter((x) => x.key === 'mentors');
    for (const f of mf) {
      const contacts = (f.value.match(/(?<![\w.+\-@])@[A-Za-z0-9][A-Za-z0-9-]{0,38}|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g) ?? []).length;
      const inField = p.mentors.filter((m) => m.range.start.line >= f.range.start.line && m.range.end.line <= f.range.end.line);
      const captured = inField.reduce((n, m) => n + (m.handle && m.raw.toLowerCase().includes('@' + m.handle.toLowerCase()) ? 1 : 0) + (m.email && m.raw.includes(m.email) ? 1 : 0), 0);
      if (contacts > captured) bucket('mentor: field has more @handles/emails than captured').add(`${contacts} vs ${captured} <= ${f.value}`);
      const covered = new Set(inField.flatMap((m) => Array.from({ length: m.range.end.line - m.range.start.line + 1 }, (_, k) => m.range.start.line + k)));
      const lines = f.value.split('\n');
      const first = f.valueRange?.start.line ?? f.range.start.line;
      lines.forEach((t, k) => {
        const s = t.replace(/^[-*+]\s+/, '').trim();
        if (s === '' || /^(?:tbd|tba|n\/a|none|\(?primary\)?)\.?$/i.test(s) || /^<!--|^#/.test(s)) return;
        if (k < lines.length && !covered.has(first + k) && lines.length === (f.valueRange ? f.valueRange.end.line - f.valueRange.start.line + 1 : 0)) bucket('mentor: field line without a mentor').add(t);
      });
    }
    if (mf.length) totals.mentorFields++;
    if (p.mentors.length === 0 && mf.some((x) => x.value.trim() !== '')) {
      bucket('proposal: Mentor(s) text but 0 mentors').add(mf.map((x) => x.value).join(' | '));
    }
    // Upstream.
    totals.refs += p.upstream.length;
    const uf = p.fields.filter((x) => x.key === 'upstream');
    for (const r of p.upstream) {
      if (r.kind === 'other') bucket('upstream: kind other').add(r.raw);
      if (r.kind === 'issue' || r.kind === 'pull' || r.kind === 'discussion') {
        const seg = r.kind === 'issue' ? 'issues' : r.kind === 'pull' ? 'pull' : 'discussions';
        const m = /^https?:\/\/(?:www\.)?github\.com\/([^/]+)\/([^/#?]+)\/([a-z]+)\/(\d+)/i.exec(r.url);
        if (!m || m[1] !== r.owner || m[2] !== r.repo || Number(m[4]) !== r.number || (m[3] !== seg && !(seg === 'pull' && m[3] === 'pulls'))) {
          bucket('upstream: owner/repo/number disagree with the URL').add(`${r.kind} ${r.owner}/${r.repo}#${r.number} <= ${r.raw}`);
        }
      }
    }
    for (let i = 1; i < p.upstream.length; i++) {
      const a = p.upstream[i - 1].range;
      const b = p.upstream[i].range;
      if (a.start.line === b.start.line && b.start.character < a.end.character) bucket('upstream: overlapping refs').add(`${p.upstream[i - 1].raw} ~ ${p.upstream[i].raw}`);
    }
    for (const u of uf) {
      if (/\bTBD\b|\bTBA\b/i.test(u.value)) bucket('upstream: TBD in value').add(`${p.upstream.length} refs <= ${u.value}`);
      const refs = p.upstream.filter((r) => r.range.start.line >= u.range.start.line && r.range.end.line <= u.range.end.line);
      if (refs.length > 1) bucket('upstream: several refs').add(refs.map((r) => r.raw).join(' | '));
      if (u.value.trim() !== '' && refs.length === 0 && !/^(?:tbd|tba|n\/a|none)\.?$/i.test(u.value.trim())) bucket('upstream: text but no ref').add(u.value);
      if (/\[[^\]]*#\d+\]\(/.test(u.value)) {
        const links = (u.value.match(/\[[^\]]*#\d+\]\(/g) ?? []).length;
        if (refs.length > links + (u.value.match(/https?:\/\//g)?.length ?? 0) - links) bucket('upstream: link counted twice').add(u.value);
      }
    }
  }
}

console.log(`files=${totals.files} proposals=${totals.proposals} mentors=${totals.mentors} refs=${totals.refs}`);
for (const [name, b] of Object.entries(buckets).sort()) {
  console.log(`\n${name}: ${b.n} (distinct ${b.examples.size})`);
  let i = 0;
  for (const e of b.examples) {
    if (i++ >= show) break;
    console.log(`    ${e}`);
  }
}
