// The CNCF project list (a snapshot shipped with the extension, or the workspace's own
// programs/lfx-mentorship/automation/projects.yml) and per-project quotas (quotas.yml).
import { parse as parseYaml } from 'yaml';
import { CNCF_PROJECTS_SNAPSHOT } from './data/cncfProjects.generated';
import { memoString } from './memo';

export interface CncfProject {
  name: string;
  slug: string;
  maturity: string;
  homepage?: string;
  repository?: string;
}

/** Lowercase letters and digits only: `Envoy Gateway` and `envoy-gateway` meet as `envoygateway`. */
export const projectKey = memoString((text: string): string =>
  text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/\(.*?\)/g, '')
    .replace(/[^a-z0-9]/g, ''),
);

function githubOrg(repository: string | undefined): string | undefined {
  const m = /github\.com\/([^/\s]+)/i.exec(repository ?? '');
  return m?.[1].toLowerCase();
}

/** The keys quotas.yml may use for a project: its GitHub org, lowercased hyphenated name, or slug. */
export function quotaKeys(project: CncfProject): string[] {
  const keys = [project.slug.toLowerCase(), project.name.toLowerCase().trim().replace(/\s+/g, '-')];
  const org = githubOrg(project.repository);
  if (org) keys.push(org);
  return keys;
}

export interface LoadResult<T> {
  value: T;
  /** Why the file could not be used, when it could not (the default is used then). */
  problem?: string;
}

export class ProjectCatalog {
  private readonly byKey = new Map<string, CncfProject>();

  constructor(readonly projects: readonly CncfProject[]) {
    for (const project of projects) {
      for (const key of [projectKey(project.name), projectKey(project.slug)]) {
        if (key && !this.byKey.has(key)) this.byKey.set(key, project);
      }
    }
  }

  static snapshot(): ProjectCatalog {
    return new ProjectCatalog(CNCF_PROJECTS_SNAPSHOT);
  }

  /** Reads a projects.yml; on any problem returns the shipped snapshot and says why. */
  static fromYaml(text: string, source = 'projects.yml'): LoadResult<ProjectCatalog> {
    try {
      // A cut file would silently lose projects: too large is a problem, not a prefix.
      if (text.length > 5_000_000) throw new Error('the file is larger than 5 MB');
      const data = parseYaml(text, { maxAliasCount: 100 }) as unknown;
      const list = Array.isArray(data) ? data : (data as { projects?: unknown })?.projects;
      if (!Array.isArray(list)) throw new Error('expected a list of projects');
      const projects: CncfProject[] = [];
      for (const item of list) {
        if (typeof item !== 'object' || item === null) continue;
        const p = item as Record<string, unknown>;
        if (typeof p.name !== 'string' || !p.name.trim()) continue;
        projects.push({
          name: p.name.trim().slice(0, 200),
          slug: typeof p.slug === 'string' ? p.slug.slice(0, 200) : projectKey(p.name),
          maturity: typeof p.maturity === 'string' ? p.maturity.slice(0, 50) : 'unknown',
          homepage: typeof p.homepage === 'string' ? p.homepage.slice(0, 500) : undefined,
          repository:
            typeof p.repo_url === 'string' ? p.repo_url.slice(0, 500) : typeof p.repository === 'string' ? p.repository.slice(0, 500) : undefined,
        });
      }
      if (!projects.length) throw new Error('no project with a name');
      return { value: new ProjectCatalog(projects) };
    } catch (error) {
      return {
        value: ProjectCatalog.snapshot(),
        problem: `${source} could not be read (${(error as Error).message}); using the project list shipped with the extension.`,
      };
    }
  }

  /** The project a heading names exactly, after folding case and punctuation. */
  findExact(heading: string): CncfProject | undefined {
    return this.byKey.get(projectKey(heading));
  }

  /**
   * The project a heading names, or failing that the project its first words name: sub-projects and
   * parts are written `Envoy Gateway`, `Kubernetes SIG Docs`, `KubeEdge-Ianvs`.
   */
  find(heading: string): CncfProject | undefined {
    return this.found(heading);
  }

  /** `find` per heading text, once per catalogue (every rule run asks for every project heading). */
  private readonly found = memoString((heading: string) => this.search(heading));

  private search(heading: string): CncfProject | undefined {
    const exact = this.findExact(heading);
    if (exact) return exact;
    const words = heading.replace(/\(.*?\)/g, ' ').split(/[\s\-_/:]+/).filter(Boolean).slice(0, 8);
    for (let n = words.length - 1; n >= 1; n--) {
      const project = this.byKey.get(projectKey(words.slice(0, n).join(' ')));
      if (project) return project;
    }
    return undefined;
  }

  /** Up to `count` project names closest to `heading` (edit distance on folded keys). */
  closest(heading: string, count = 3): CncfProject[] {
    const key = projectKey(heading).slice(0, 100);
    if (!key) return [];
    return this.projects
      .map((project) => ({ project, distance: Math.min(editDistance(key, projectKey(project.name)), editDistance(key, projectKey(project.slug))) }))
      .filter(({ distance, project }) => distance <= Math.max(2, Math.floor(projectKey(project.name).length / 3)))
      .sort((a, b) => a.distance - b.distance || a.project.name.localeCompare(b.project.name))
      .slice(0, count)
      .map(({ project }) => project);
  }
}

/** Levenshtein distance, O(a*b) on short keys. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

export class Quotas {
  constructor(
    readonly defaultQuota: number,
    readonly overrides: ReadonlyMap<string, number>,
  ) {}

  static defaults(): Quotas {
    return new Quotas(4, new Map([['kubernetes', 8]]));
  }

  /** Reads a quotas.yml (`default_per_project_per_term`, `overrides`); on any problem, the defaults. */
  static fromYaml(text: string, source = 'quotas.yml'): LoadResult<Quotas> {
    try {
      if (text.length > 1_000_000) throw new Error('the file is larger than 1 MB');
      const data = parseYaml(text, { maxAliasCount: 100 }) as Record<string, unknown> | null;
      if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error('expected a mapping');
      const fallback = data.default_per_project_per_term ?? 4;
      if (!isQuota(fallback)) throw new Error('default_per_project_per_term must be a whole number from 1 to 999');
      const overrides = new Map<string, number>();
      const raw = data.overrides ?? {};
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error('overrides must be a mapping');
      for (const [key, value] of Object.entries(raw)) {
        if (!isQuota(value)) throw new Error(`overrides.${key} must be a whole number from 1 to 999`);
        overrides.set(key.toLowerCase(), value);
      }
      return { value: new Quotas(fallback, overrides) };
    } catch (error) {
      return { value: Quotas.defaults(), problem: `${source} could not be read (${(error as Error).message}); using the default quotas (4, Kubernetes 8).` };
    }
  }

  /** Settings (`projectIdeas.quotas`) win over the file; `default` there replaces the default. */
  withOverrides(settings: Record<string, number>): Quotas {
    // One object per settings object (settings are cached per document): rule caches compare quotas by identity.
    let derived = this.derived.get(settings);
    if (!derived) this.derived.set(settings, (derived = this.override(settings)));
    return derived;
  }

  private readonly derived = new WeakMap<object, Quotas>();

  private override(settings: Record<string, number>): Quotas {
    const overrides = new Map(this.overrides);
    let fallback = this.defaultQuota;
    for (const [key, value] of Object.entries(settings)) {
      if (key === 'default') fallback = value;
      else overrides.set(key.toLowerCase(), value);
    }
    return new Quotas(fallback, overrides);
  }

  /** The quota for a project heading, matched through the catalogue's keys when the project is known. */
  quotaFor(heading: string, project: CncfProject | undefined): number {
    const keys = project ? quotaKeys(project) : [heading.toLowerCase().trim().replace(/\s+/g, '-')];
    for (const key of keys) {
      const value = this.overrides.get(key);
      if (value !== undefined) return value;
    }
    return this.defaultQuota;
  }
}

function isQuota(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 999;
}
