// Builds invented ideas files and runs rules on them (no LSP).
import { ProjectCatalog, Quotas } from '../../../server/src/core/cncfProjects';
import { KnowledgeIndex } from '../../../server/src/core/knowledge';
import { parseIdeas } from '../../../server/src/core/parse';
import { termOfPath } from '../../../server/src/core/term';
import { WorkspaceIndex } from '../../../server/src/core/workspaceIndex';
import { runRules } from '../../../server/src/rules';
import { knowledgeView } from '../../../server/src/rules/knowledgeView';
import type { ResolvedFinding, TextEdit } from '../../../server/src/rules/types';
import { splitLines } from '../../../server/src/rules/util';
import type { RuleSeverity } from '../../../server/src/settings';

export const LFX_PATH = '/ws/programs/lfx-mentorship/2025/01-Mar-May/project_ideas.md';
export const GSOC_PATH = '/ws/programs/summerofcode/2025.md';

export const LFX_TEMPLATE = `# Term 01 - 2025 March - May

## Template

\`\`\`
### CNCF Project Name

#### Mentorship project Title

- Description:
- Expected Outcome:
- Recommended Skills:
- Mentor(s):
  - Mentor Name (@mentor_github, mentor@email.addy) - please use the same email address as you use on the LFX Mentorship Platform at https://mentorship.lfx.linuxfoundation.org
  - 2nd Mentor Name (@mentor_github, mentor@email.addy)
- Upstream Issue:
- LFX URL:
\`\`\`

---

## Proposed Project ideas
`;

export const GSOC_TEMPLATE = `# Google Summer of Code 2025

## Template

\`\`\`
#### CNCF Project Name

##### Mentorship project Title

- Description:
- Expected Outcome:
- Recommended Skills:
- Expected project size:
- Mentor(s):
  - Mentor Name (@mentor_github, mentor@email.addy) - primary
  - [Second Mentor's Name] (@second-mentor-github, second-mentor-email)
- Upstream Issue:
\`\`\`

## Proposals
`;

export interface ProposalSpec {
  title: string;
  description?: string | null;
  outcome?: string | null;
  skills?: string | null;
  size?: string | null;
  mentors?: string[] | null;
  upstream?: string | null;
  level?: number;
}

export const ALICE = 'Alice Example (@alice-example, alice@example.org)';
export const BOB = 'Bob Sample (@bob-sample, bob@example.net)';
export const CAROL = 'Carol Invented (@carol-invented, carol@example.com)';

let issue = 1000;

/** One proposal in the 2025 LFX layout; `null` leaves a field out, `''` leaves it empty. */
export function proposal(spec: ProposalSpec): string {
  const lines = [`${'#'.repeat(spec.level ?? 4)} ${spec.title}`, ''];
  const field = (label: string, value: string | null | undefined, fallback: string) => {
    if (value === null) return;
    const v = value ?? fallback;
    lines.push(v === '' ? `- ${label}:` : `- ${label}: ${v}`);
  };
  field('Description', spec.description, `Build the ${spec.title.toLowerCase()} feature.`);
  field('Expected Outcome', spec.outcome, 'A merged implementation with tests and docs.');
  field('Recommended Skills', spec.skills, 'Go, Kubernetes');
  if (spec.size !== undefined && spec.size !== null) lines.push(`- Expected project size: ${spec.size}`);
  if (spec.mentors !== null) {
    lines.push('- Mentor(s):');
    for (const m of spec.mentors ?? [ALICE, BOB]) lines.push(`  - ${m}`);
  }
  field('Upstream Issue', spec.upstream, `https://github.com/example-org/example/issues/${issue++}`);
  lines.push('');
  return lines.join('\n');
}

export function lfxFile(sections: { project: string; proposals: string[]; level?: number }[], header = LFX_TEMPLATE): string {
  return [header, ...sections.map((s) => `${'#'.repeat(s.level ?? 3)} ${s.project}\n\n${s.proposals.join('\n')}`)].join('\n');
}

export interface RunOptions {
  path?: string;
  severities?: Record<string, RuleSeverity>;
  quotas?: Quotas;
  /** Other files of the workspace, by path. */
  others?: Record<string, string>;
}

export function check(text: string, options: RunOptions = {}): ResolvedFinding[] {
  const path = options.path ?? LFX_PATH;
  const uri = `file://${path}`;
  const model = parseIdeas(text, { path });
  const index = new WorkspaceIndex();
  index.set(uri, path, model);
  for (const [p, t] of Object.entries(options.others ?? {})) index.set(`file://${p}`, p, parseIdeas(t, { path: p }));
  const knowledge = KnowledgeIndex.attach(index);
  return runRules(
    {
      uri,
      path,
      text,
      lines: splitLines(text),
      model,
      term: termOfPath(path),
      catalog: ProjectCatalog.snapshot(),
      quotas: options.quotas ?? Quotas.defaults(),
      knowledge: knowledgeView(index, knowledge),
    },
    { severities: options.severities, onError: (id, e) => { throw new Error(`rule ${id} threw: ${String(e)}`); } },
  );
}

export function only(findings: ResolvedFinding[], ruleId: string): ResolvedFinding[] {
  return findings.filter((f) => f.ruleId === ruleId);
}

/** Applies text edits (non-overlapping) to a text. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = splitLines(text);
  const offset = (p: { line: number; character: number }) => {
    let o = 0;
    for (let i = 0; i < p.line; i++) o += lines[i].length + 1;
    return o + p.character;
  };
  const sorted = edits
    .map((e, i) => ({ e, i, start: offset(e.range.start), end: offset(e.range.end) }))
    .sort((a, b) => b.start - a.start || b.i - a.i);
  let out = text;
  for (const { e, start, end } of sorted) out = out.slice(0, start) + e.newText + out.slice(end);
  return out;
}

export function applyFirstFix(text: string, finding: ResolvedFinding): string {
  const fix = finding.fixes?.[0];
  if (!fix) throw new Error(`finding has no fix: ${finding.message}`);
  return applyEdits(text, fix.edits);
}

/** A file no rule reports on: two proposals of one project, every field filled in. */
export function cleanFile(): string {
  return lfxFile([{ project: 'Jaeger', proposals: [proposal({ title: 'Adaptive sampling' }), proposal({ title: 'Storage backends' })] }]);
}
