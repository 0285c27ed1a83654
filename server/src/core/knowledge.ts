// What the workspace knows across files: mentors, upstream targets, skills and CNCF project
// sections. Kept per file: an update removes that file's old contribution and adds the new one
// (never a rescan). Aggregates are merged lazily per key and cached until a contributing file changes.
//
// Several versions or copies of one term's file (a term's project_ideas.md and its README, or the
// corpus's many versions) hold the same proposal: counts and lists are de-duplicated by
// (term, title) — (file, title) for files without a term — unless `{ all: true }` is asked for.
import { isDeepStrictEqual } from 'node:util';
import type { CncfProject, ProjectCatalog } from './cncfProjects';
import { projectKey } from './cncfProjects';
import { memoString } from './memo';
import type { Span } from './model';
import { skillKey, splitSkills } from './skills';
import type { Term } from './term';
import { normalizeUpstreamUrl } from './upstreamTarget';
import { proposalsOf } from './walk';
import type { IndexedFile, WorkspaceIndex } from './workspaceIndex';

export interface ProposalRef {
  uri: string;
  term?: Term;
  /** The CNCF project section (top level) holding the proposal; '' for a proposal before any project. */
  project: string;
  /** The sub-project (Kubernetes > Kubespray), when the proposal sits in one. */
  subproject?: string;
  title: string;
  /** The title's range (the proposal heading's text). */
  range: Span;
}

export interface Location {
  uri: string;
  range: Span;
}

export interface MentorRecord {
  /** The handle as most often written (without `@`). */
  handle: string;
  /** Names written with this handle, with the number of distinct proposals using each. */
  names: Map<string, number>;
  /** Addresses (lowercased) written with this handle, with every place they were written. */
  emails: Map<string, Location[]>;
  /** The address written in the most recent term (then most often): what a new entry should use. */
  preferredEmail?: string;
  /** Distinct proposals (by term and title), oldest term first. */
  proposals: ProposalRef[];
  /** Every occurrence, copies and versions included. */
  occurrences: ProposalRef[];
  /** Distinct terms, oldest first. */
  terms: Term[];
  firstTerm?: Term;
  lastTerm?: Term;
}

export interface SkillEntry {
  /** Folded key (`go` for `Golang`, `Go`, `go.`). */
  key: string;
  /** The spelling written most often. */
  label: string;
  /** Distinct proposals listing it. */
  count: number;
  /** Every spelling seen, with counts. */
  variants: Map<string, number>;
}

export interface ProjectEntry {
  key: string;
  /** The heading as written most often in the files, else the catalogue's name. */
  name: string;
  catalog?: CncfProject;
  /** Distinct proposals per term id (`none` for files without a term). */
  perTerm: Map<string, number>;
  terms: Map<string, Term>;
  /** Distinct proposals, oldest term first. */
  proposals: ProposalRef[];
}

export interface RefOptions {
  /** Every occurrence, including copies of the same proposal in other versions of its term file. */
  all?: boolean;
}

// ---- per-file contribution --------------------------------------------------------------------

interface FileMentor {
  handle: string;
  names: string[];
  emails: { email: string; range: Span }[];
  refs: ProposalRef[];
}

interface FileSkill {
  variants: Map<string, number>;
  /** Proposal keys (term/title) listing it. */
  proposalKeys: Set<string>;
  /** Project keys of those proposals. */
  projectKeys: Map<string, Set<string>>;
}

interface TechnologyCount {
  variants: Map<string, number>;
  /** Proposal keys (term/title) listing it. */
  proposalKeys: Set<string>;
}

/** Adds each technology or skill of a comma-separated value once for one proposal key. */
function countTerms(into: Map<string, TechnologyCount>, value: string, proposal: string): void {
  const seen = new Set<string>();
  for (const item of splitSkillsMemo(value)) {
    const key = skillKey(item);
    if (!key) continue;
    let t = into.get(key);
    if (!t) into.set(key, (t = { variants: new Map(), proposalKeys: new Set() }));
    t.variants.set(item, (t.variants.get(item) ?? 0) + 1);
    if (seen.has(key)) continue;
    seen.add(key);
    t.proposalKeys.add(proposal);
  }
}

/** Most frequent first: counts are distinct proposals. */
function rankVocabulary(sources: Iterable<Map<string, { variants: Map<string, number>; proposalKeys: Set<string> }>>): SkillEntry[] {
  const merged = new Map<string, { variants: Map<string, number>; proposals: Set<string> }>();
  for (const source of sources) {
    for (const [key, s] of source) {
      let m = merged.get(key);
      if (!m) merged.set(key, (m = { variants: new Map(), proposals: new Set() }));
      for (const [v, n] of s.variants) m.variants.set(v, (m.variants.get(v) ?? 0) + n);
      for (const p of s.proposalKeys) m.proposals.add(p);
    }
  }
  return [...merged]
    .map(([key, m]) => ({ key, label: mostCommon(m.variants) ?? key, count: m.proposals.size, variants: m.variants }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/** A `Technologies` field as labelled in the ideas files (read as an `other` field). */
const TECHNOLOGIES_LABEL = /^technolog(?:y|ies)\b/i;

interface FileProject {
  names: string[];
  refs: ProposalRef[];
}

interface Contribution {
  term?: Term;
  mentors: Map<string, FileMentor>;
  /** Lowercased name or email -> handle keys written with it. */
  nameToHandles: Map<string, Set<string>>;
  emailToHandles: Map<string, Set<string>>;
  targets: Map<string, ProposalRef[]>;
  skills: Map<string, FileSkill>;
  /** The `Technologies` fields' values, kept apart from the skills (a draft's Technologies section offers them). */
  technologies: Map<string, TechnologyCount>;
  projects: Map<string, FileProject>;
  proposalCount: number;
}

/** Key that makes one proposal across versions and copies of its term's files. */
export function proposalKey(ref: Pick<ProposalRef, 'uri' | 'term' | 'title'>): string {
  return `${ref.term ? ref.term.id : `file:${ref.uri}`}\u0000${titleKey(ref.title)}`;
}

const titleKey = memoString((title: string) => title.toLowerCase().replace(/\s+/g, ' ').trim());

/** Terms in time order: year, then LFX before GSoC, then the sortable id. */
export function compareTerms(a: Term | undefined, b: Term | undefined): number {
  if (!a || !b) return a ? 1 : b ? -1 : 0;
  return a.year - b.year || (a.program === b.program ? 0 : a.program === 'lfx' ? -1 : 1) || a.id.localeCompare(b.id);
}

function compareRefs(a: ProposalRef, b: ProposalRef): number {
  return compareTerms(a.term, b.term) || a.project.localeCompare(b.project) || a.title.localeCompare(b.title) || a.uri.localeCompare(b.uri);
}

/** One ref per proposal key; the chosen ref is the last uri in order (the newest corpus version). */
function dedupe(refs: ProposalRef[]): ProposalRef[] {
  const byKey = new Map<string, ProposalRef>();
  for (const ref of refs) {
    const key = proposalKey(ref);
    const existing = byKey.get(key);
    if (!existing || ref.uri > existing.uri) byKey.set(key, ref);
  }
  return [...byKey.values()].sort(compareRefs);
}

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function addToSet<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

function mostCommon(counts: Map<string, number>): string | undefined {
  let best: string | undefined;
  let bestCount = -1;
  for (const [value, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== undefined && value < best)) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

export function mentorKey(handle: string): string {
  return handle.replace(/^@/, '').toLowerCase();
}

// Per-keystroke cost: an open document's contribution is rebuilt on every version; splitting and
// cleaning the skills dominated it. The split depends only on the value: memoised.
const skillSplits = new Map<string, string[]>();
function splitSkillsMemo(value: string): string[] {
  let out = skillSplits.get(value);
  if (!out) {
    out = splitSkills(value);
    if (skillSplits.size > 20_000) skillSplits.clear();
    skillSplits.set(value, out);
  }
  return out;
}

function contributionOf(file: IndexedFile): Contribution {
  const c: Contribution = {
    term: file.term,
    mentors: new Map(),
    nameToHandles: new Map(),
    emailToHandles: new Map(),
    targets: new Map(),
    skills: new Map(),
    technologies: new Map(),
    projects: new Map(),
    proposalCount: 0,
  };
  const model = file.model;
  for (const project of model.projects) {
    const key = projectKey(project.name);
    if (!key) continue;
    let entry = c.projects.get(key);
    if (!entry) c.projects.set(key, (entry = { names: [], refs: [] }));
    entry.names.push(project.name);
  }
  for (const { proposal, home, top: project } of proposalsOf(model)) {
    c.proposalCount++;
    const ref: ProposalRef = {
      uri: file.uri,
      term: file.term,
      project: project?.name ?? '',
      subproject: home !== project ? home?.name : undefined,
      title: proposal.title,
      range: proposal.titleRange,
    };
    const pKey = proposalKey(ref);
    const projKey = project ? projectKey(project.name) : '';
    if (project && projKey) c.projects.get(projKey)?.refs.push(ref);

    for (const mentor of proposal.mentors) {
      if (!mentor.handle) continue;
      const key = mentorKey(mentor.handle);
      if (!key) continue;
      let m = c.mentors.get(key);
      if (!m) c.mentors.set(key, (m = { handle: mentor.handle.replace(/^@/, ''), names: [], emails: [], refs: [] }));
      // A proposal's mentors come one after the other: comparing with the last ref is enough (and linear).
      if (m.refs[m.refs.length - 1] !== ref) m.refs.push(ref);
      if (mentor.name) {
        m.names.push(mentor.name);
        addToSet(c.nameToHandles, mentor.name.toLowerCase(), key);
      }
      if (mentor.email) {
        m.emails.push({ email: mentor.email.toLowerCase(), range: mentor.emailRange ?? mentor.range });
        addToSet(c.emailToHandles, mentor.email.toLowerCase(), key);
      }
    }

    const seenTargets = new Set<string>();
    for (const upstream of proposal.upstream) {
      const target = normalizeUpstreamUrl(upstream.url);
      if (!target || seenTargets.has(target)) continue;
      seenTargets.add(target);
      addTo(c.targets, target, ref);
    }

    const technologiesField = proposal.fields.find((f) => f.key === 'other' && TECHNOLOGIES_LABEL.test(f.label));
    if (technologiesField?.value) countTerms(c.technologies, technologiesField.value, pKey);

    const skillsField = proposal.fields.find((f) => f.key === 'skills');
    if (skillsField?.value) {
      const seen = new Set<string>();
      for (const skill of splitSkillsMemo(skillsField.value)) {
        const key = skillKey(skill);
        if (!key) continue;
        let s = c.skills.get(key);
        if (!s) c.skills.set(key, (s = { variants: new Map(), proposalKeys: new Set(), projectKeys: new Map() }));
        s.variants.set(skill, (s.variants.get(skill) ?? 0) + 1);
        if (seen.has(key)) continue;
        seen.add(key);
        s.proposalKeys.add(pKey);
        if (projKey) {
          let set = s.projectKeys.get(projKey);
          if (!set) s.projectKeys.set(projKey, (set = new Set()));
          set.add(pKey);
        }
      }
    }
  }
  return c;
}

// ---- the index ------------------------------------------------------------------------------

export class KnowledgeIndex {
  private readonly contributions = new Map<string, Contribution>();
  /** key -> uris contributing to it. */
  private readonly mentorUris = new Map<string, Set<string>>();
  private readonly targetUris = new Map<string, Set<string>>();
  private readonly projectUris = new Map<string, Set<string>>();
  private readonly nameUris = new Map<string, Set<string>>();
  private readonly emailUris = new Map<string, Set<string>>();
  private readonly mentorCache = new Map<string, MentorRecord>();
  private readonly emailCache = new Map<string, Map<string, Location[]>>();
  private readonly projectCache = new Map<string, ProjectEntry>();
  private skillCache?: SkillEntry[];
  private technologyCache?: SkillEntry[];
  /** Technologies of sources outside the ideas index (a saved draft's Technologies section), per uri. */
  private readonly otherTechnologies = new Map<string, Map<string, TechnologyCount>>();
  private generationValue = 0;
  /** Updates per file (generationExcept). */
  private readonly updatesOf = new Map<string, number>();

  constructor(private catalogSource: () => ProjectCatalog | undefined = () => undefined) {}

  /** Builds the index from a WorkspaceIndex and keeps it current from its change events. */
  static attach(index: WorkspaceIndex, catalog?: () => ProjectCatalog | undefined): KnowledgeIndex {
    const knowledge = new KnowledgeIndex(catalog);
    for (const file of index.all()) knowledge.update(file.uri, file);
    index.onDidChange((uri) => knowledge.update(uri, index.get(uri)));
    return knowledge;
  }

  /** Changes with every update: lets callers cache derived answers. */
  get generation(): number {
    return this.generationValue;
  }

  /**
   * Changes with every update but those of `uri` itself: what a file's cross-file rules read of the
   * others (they skip the file's own entries), so its own index updates while typing keep their
   * findings. Counts are kept for every uri ever updated, so two states never share a number.
   */
  generationExcept(uri: string): number {
    return this.generationValue - (this.updatesOf.get(uri) ?? 0);
  }

  /** Number of files contributing. */
  get fileCount(): number {
    return this.contributions.size;
  }

  /** Replaces one file's contribution (`file` undefined: the file is gone). */
  update(uri: string, file: IndexedFile | undefined): void {
    this.generationValue++;
    this.updatesOf.set(uri, (this.updatesOf.get(uri) ?? 0) + 1);
    const old = this.contributions.get(uri);
    let c: Contribution | undefined;
    try {
      c = file && contributionOf(file);
    } catch {
      c = undefined; // a malformed model contributes nothing rather than breaking the index
    }
    if (old) {
      this.unlink(uri, old);
      this.contributions.delete(uri);
    }
    this.forgetChanged(old, c);
    if (!c) return;
    this.contributions.set(uri, c);
    this.link(uri, c);
  }

  private link(uri: string, c: Contribution): void {
    const add = (map: Map<string, Set<string>>, key: string) => {
      let set = map.get(key);
      if (!set) map.set(key, (set = new Set()));
      set.add(uri);
    };
    for (const key of c.mentors.keys()) add(this.mentorUris, key);
    for (const key of c.targets.keys()) add(this.targetUris, key);
    for (const key of c.projects.keys()) add(this.projectUris, key);
    for (const key of c.nameToHandles.keys()) add(this.nameUris, key);
    for (const key of c.emailToHandles.keys()) add(this.emailUris, key);
  }

  private unlink(uri: string, c: Contribution): void {
    const remove = (map: Map<string, Set<string>>, key: string) => {
      const set = map.get(key);
      if (!set) return;
      set.delete(uri);
      if (!set.size) map.delete(key);
    };
    for (const key of c.mentors.keys()) remove(this.mentorUris, key);
    for (const key of c.targets.keys()) remove(this.targetUris, key);
    for (const key of c.projects.keys()) remove(this.projectUris, key);
    for (const key of c.nameToHandles.keys()) remove(this.nameUris, key);
    for (const key of c.emailToHandles.keys()) remove(this.emailUris, key);
  }

  /**
   * Drops the cached records a file's new contribution changes: those whose keys it contributes
   * different data to than before. Typing in a description leaves every mentor, project and skill
   * record of the file as it was.
   */
  private forgetChanged(before: Contribution | undefined, after: Contribution | undefined): void {
    const changed = <V>(pick: (c: Contribution) => Map<string, V>, forget: (key: string) => void) => {
      const keys = new Set([...(before ? pick(before).keys() : []), ...(after ? pick(after).keys() : [])]);
      for (const key of keys) if (!isDeepStrictEqual(before && pick(before).get(key), after && pick(after).get(key))) forget(key);
    };
    changed((c) => c.mentors, (key) => this.forgetMentor(key));
    changed((c) => c.projects, (key) => this.projectCache.delete(key));
    if ((before?.skills.size || after?.skills.size) && !isDeepStrictEqual(before?.skills, after?.skills)) this.skillCache = undefined;
    if ((before?.technologies.size || after?.technologies.size) && !isDeepStrictEqual(before?.technologies, after?.technologies)) this.technologyCache = undefined;
  }

  private forgetMentor(key: string): void {
    this.mentorCache.delete(key);
    this.emailCache.delete(key);
  }

  // ---- mentors ----

  /**
   * The addresses written with a handle and where, alone: what the consistency rule asks for every
   * handle of a file on each check, without building the whole record (names, proposals, terms).
   */
  mentorEmails(handle: string): ReadonlyMap<string, Location[]> {
    const key = mentorKey(handle);
    const cached = this.emailCache.get(key) ?? this.mentorCache.get(key)?.emails;
    if (cached) return cached;
    const emails = new Map<string, Location[]>();
    for (const uri of this.mentorUris.get(key) ?? []) {
      for (const e of this.contributions.get(uri)?.mentors.get(key)?.emails ?? []) addTo(emails, e.email, { uri, range: e.range });
    }
    this.emailCache.set(key, emails);
    return emails;
  }

  /** The mentor with this handle (with or without `@`, any case). */
  mentor(handle: string): MentorRecord | undefined {
    const key = mentorKey(handle);
    const cached = this.mentorCache.get(key);
    if (cached) return cached;
    const uris = this.mentorUris.get(key);
    if (!uris) return undefined;
    const handles = new Map<string, number>();
    const nameCounts = new Map<string, Set<string>>();
    const emails = new Map<string, Location[]>();
    const occurrences: ProposalRef[] = [];
    const emailTerms = new Map<string, Term | undefined>();
    for (const uri of uris) {
      const c = this.contributions.get(uri);
      const m = c?.mentors.get(key);
      if (!m) continue;
      for (const e of m.emails) {
        const seen = emailTerms.get(e.email);
        if (!emailTerms.has(e.email) || compareTerms(c!.term, seen) > 0) emailTerms.set(e.email, c!.term);
      }
      handles.set(m.handle, (handles.get(m.handle) ?? 0) + m.refs.length);
      occurrences.push(...m.refs);
      for (const e of m.emails) addTo(emails, e.email, { uri, range: e.range });
      // Names count once per distinct proposal.
      const pkeys = m.refs.map(proposalKey);
      for (const name of new Set(m.names)) {
        let set = nameCounts.get(name);
        if (!set) nameCounts.set(name, (set = new Set()));
        for (const k of pkeys) set.add(k);
      }
    }
    occurrences.sort(compareRefs);
    const proposals = dedupe(occurrences);
    const termMap = new Map<string, Term>();
    for (const ref of proposals) if (ref.term) termMap.set(ref.term.id, ref.term);
    const terms = [...termMap.values()].sort(compareTerms);
    const names = new Map([...nameCounts].map(([name, set]) => [name, set.size] as [string, number]).sort((a, b) => b[1] - a[1]));
    let preferredEmail: string | undefined;
    for (const [email, t] of emailTerms) {
      if (preferredEmail === undefined) {
        preferredEmail = email;
        continue;
      }
      const order =
        compareTerms(t, emailTerms.get(preferredEmail)) ||
        emails.get(email)!.length - emails.get(preferredEmail)!.length ||
        (email < preferredEmail ? 1 : -1);
      if (order > 0) preferredEmail = email;
    }
    const record: MentorRecord = {
      handle: mostCommon(handles) ?? key,
      names,
      emails,
      preferredEmail,
      proposals,
      occurrences,
      terms,
      firstTerm: terms[0],
      lastTerm: terms[terms.length - 1],
    };
    this.mentorCache.set(key, record);
    return record;
  }

  /** Every known mentor (by handle). */
  mentors(): MentorRecord[] {
    const out: MentorRecord[] = [];
    for (const key of this.mentorUris.keys()) {
      const record = this.mentor(key);
      if (record) out.push(record);
    }
    return out;
  }

  /** Handles written with this name (case-insensitive). */
  handlesForName(name: string): string[] {
    return this.handlesFrom(this.nameUris, 'nameToHandles', name.trim().toLowerCase());
  }

  /** Handles written with this address (case-insensitive). */
  handlesForEmail(email: string): string[] {
    return this.handlesFrom(this.emailUris, 'emailToHandles', email.trim().toLowerCase());
  }

  private handlesFrom(map: Map<string, Set<string>>, field: 'nameToHandles' | 'emailToHandles', key: string): string[] {
    const out = new Set<string>();
    for (const uri of map.get(key) ?? []) for (const h of this.contributions.get(uri)?.[field].get(key) ?? []) out.add(h);
    return [...out];
  }

  // ---- upstream targets ----

  /** Proposals pointing at a normalised upstream URL (see normalizeUpstreamUrl), across all files. */
  proposalsForTarget(normalizedUrl: string, options: RefOptions = {}): ProposalRef[] {
    const refs: ProposalRef[] = [];
    for (const uri of this.targetUris.get(normalizedUrl) ?? []) refs.push(...(this.contributions.get(uri)?.targets.get(normalizedUrl) ?? []));
    return options.all ? refs.sort(compareRefs) : dedupe(refs);
  }

  /** Every normalised target known. */
  targets(): string[] {
    return [...this.targetUris.keys()];
  }

  // ---- skills ----

  /** The skills vocabulary, most frequent first (counts are distinct proposals). */
  skills(): SkillEntry[] {
    if (this.skillCache) return this.skillCache;
    const merged = new Map<string, { variants: Map<string, number>; proposals: Set<string> }>();
    for (const c of this.contributions.values()) {
      for (const [key, s] of c.skills) {
        let m = merged.get(key);
        if (!m) merged.set(key, (m = { variants: new Map(), proposals: new Set() }));
        for (const [v, n] of s.variants) m.variants.set(v, (m.variants.get(v) ?? 0) + n);
        for (const p of s.proposalKeys) m.proposals.add(p);
      }
    }
    this.skillCache = [...merged]
      .map(([key, m]) => ({ key, label: mostCommon(m.variants) ?? key, count: m.proposals.size, variants: m.variants }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
    return this.skillCache;
  }

  /** The technologies vocabulary (`Technologies` fields, drafts' Technologies sections), most frequent first. */
  technologies(): SkillEntry[] {
    this.technologyCache ??= rankVocabulary([...[...this.contributions.values()].map((c) => c.technologies), ...this.otherTechnologies.values()]);
    return this.technologyCache;
  }

  /**
   * The Technologies value of a source outside the ideas index (a draft saved in the workspace),
   * counted as one proposal; undefined or empty: it lists none (any more).
   */
  setTechnologiesOf(uri: string, value: string | undefined): void {
    const counts = new Map<string, TechnologyCount>();
    if (value) countTerms(counts, value, `other:${uri}`);
    const before = this.otherTechnologies.get(uri);
    if (!counts.size && !before) return;
    if (isDeepStrictEqual(before, counts)) return;
    if (counts.size) this.otherTechnologies.set(uri, counts);
    else this.otherTechnologies.delete(uri);
    this.technologyCache = undefined;
    this.generationValue++;
  }

  /** Skills listed by a project's proposals (any term), with distinct-proposal counts, most first. */
  projectSkills(project: string): { key: string; count: number }[] {
    const pk = projectKey(project);
    const merged = new Map<string, Set<string>>();
    for (const uri of this.projectUris.get(pk) ?? []) {
      const c = this.contributions.get(uri);
      if (!c) continue;
      for (const [key, s] of c.skills) {
        const set = s.projectKeys.get(pk);
        if (!set) continue;
        let m = merged.get(key);
        if (!m) merged.set(key, (m = new Set()));
        for (const p of set) m.add(p);
      }
    }
    return [...merged].map(([key, set]) => ({ key, count: set.size })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  }

  // ---- projects ----

  /** A CNCF project section as seen in the files (and in the catalogue), by heading or name. */
  project(name: string): ProjectEntry | undefined {
    const key = projectKey(name);
    if (!key) return undefined;
    const cached = this.projectCache.get(key);
    if (cached) return cached;
    const catalog = this.catalogSource()?.find(name);
    const uris = this.projectUris.get(key);
    if (!uris && !catalog) return undefined;
    const names = new Map<string, number>();
    const refs: ProposalRef[] = [];
    for (const uri of uris ?? []) {
      const p = this.contributions.get(uri)?.projects.get(key);
      if (!p) continue;
      for (const n of p.names) names.set(n, (names.get(n) ?? 0) + 1);
      refs.push(...p.refs);
    }
    const proposals = dedupe(refs);
    const perTerm = new Map<string, number>();
    const terms = new Map<string, Term>();
    for (const ref of proposals) {
      const id = ref.term?.id ?? 'none';
      perTerm.set(id, (perTerm.get(id) ?? 0) + 1);
      if (ref.term) terms.set(ref.term.id, ref.term);
    }
    const entry: ProjectEntry = { key, name: catalog?.name ?? mostCommon(names) ?? name, catalog, perTerm, terms, proposals };
    if (uris) this.projectCache.set(key, entry);
    return entry;
  }

  /** Project sections seen in the files, most proposals first. */
  projects(): ProjectEntry[] {
    const out: ProjectEntry[] = [];
    for (const key of this.projectUris.keys()) {
      const entry = this.project(key);
      if (entry) out.push(entry);
    }
    return out.sort((a, b) => b.proposals.length - a.proposals.length || a.name.localeCompare(b.name));
  }

  /** Distinct proposals across the workspace. */
  proposalCount(): number {
    const keys = new Set<string>();
    for (const [uri, c] of this.contributions) {
      for (const p of c.projects.values()) for (const r of p.refs) keys.add(proposalKey(r));
      if (!c.projects.size && c.proposalCount) keys.add(`file:${uri}:${c.proposalCount}`);
    }
    return keys.size;
  }

  /** Terms present in the workspace, oldest first. */
  terms(): Term[] {
    const map = new Map<string, Term>();
    for (const c of this.contributions.values()) if (c.term) map.set(c.term.id, c.term);
    return [...map.values()].sort(compareTerms);
  }

  /** Clears caches depending on the catalogue (call after ctx.catalog changes). */
  catalogChanged(): void {
    this.generationValue++;
    this.projectCache.clear();
  }
}
