// Typed settings under `projectIdeas.*`, resolved per document (scope: resource) and validated:
// a bad value is reported and replaced by its default, never passed on to the features.
import { DEFAULT_FILE_GLOBS } from './core/ideasFiles';

export type RuleSeverity = 'off' | 'hint' | 'information' | 'warning' | 'error';
const SEVERITIES: readonly RuleSeverity[] = ['off', 'hint', 'information', 'warning', 'error'];

export interface Settings {
  /** Globs of project-ideas files. */
  files: string[];
  /** Also treat a markdown file carrying the proposal template block as an ideas file. */
  detectByContent: boolean;
  /** Severity per rule id; rules not listed keep their default. */
  rules: Record<string, RuleSeverity>;
  /** Proposals allowed per project per term, by project key; `default` for the rest. */
  quotas: Record<string, number>;
  /** Files larger than this (in bytes) get the outline only. */
  maxFileSize: number;
  /** Globs of LFX issue-form drafts (`projectIdeas.drafts.files`); drafts are also recognised by content. */
  draftFiles: string[];
  /** Where Open as GitHub Issue points: `owner/name` (`projectIdeas.issues.repository`). */
  issueRepository: string;
  /** The issue form's file name in `.github/ISSUE_TEMPLATE/` (`projectIdeas.issues.template`). */
  issueTemplate: string;
}

export const DEFAULT_DRAFT_GLOBS = ['**/*.lfx-proposal.md'];

export const DEFAULT_SETTINGS: Settings = {
  files: DEFAULT_FILE_GLOBS,
  detectByContent: true,
  rules: {},
  quotas: {},
  maxFileSize: 2_000_000,
  draftFiles: DEFAULT_DRAFT_GLOBS,
  issueRepository: 'cncf/mentoring',
  issueTemplate: 'lfx-program-proposal.yml',
};

export interface ResolvedSettings {
  settings: Settings;
  /** One sentence per invalid value, naming the setting, what was wrong and what is used instead. */
  problems: string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Validates raw `projectIdeas` configuration; anything invalid falls back to its default. */
export function resolveSettings(raw: unknown): ResolvedSettings {
  const problems: string[] = [];
  const settings: Settings = { ...DEFAULT_SETTINGS, rules: {}, quotas: {} };
  if (raw === undefined || raw === null) return { settings, problems };
  if (!isRecord(raw)) {
    problems.push('projectIdeas: expected an object of settings; using the defaults.');
    return { settings, problems };
  }
  if (raw.files !== undefined) {
    if (Array.isArray(raw.files) && raw.files.every((g) => typeof g === 'string' && g.trim() !== '')) {
      settings.files = raw.files as string[];
    } else {
      problems.push('projectIdeas.files: expected a list of non-empty glob strings; using the default globs.');
    }
  }
  if (raw.detectByContent !== undefined) {
    if (typeof raw.detectByContent === 'boolean') settings.detectByContent = raw.detectByContent;
    else problems.push('projectIdeas.detectByContent: expected true or false; using true.');
  }
  if (raw.rules !== undefined) {
    if (isRecord(raw.rules)) {
      for (const [id, severity] of Object.entries(raw.rules)) {
        if (typeof severity === 'string' && (SEVERITIES as readonly string[]).includes(severity)) {
          settings.rules[id] = severity as RuleSeverity;
        } else {
          problems.push(
            `projectIdeas.rules.${id}: expected one of ${SEVERITIES.join(', ')}; using the rule's default severity.`,
          );
        }
      }
    } else {
      problems.push('projectIdeas.rules: expected an object of rule id to severity; using default severities.');
    }
  }
  if (raw.quotas !== undefined) {
    if (isRecord(raw.quotas)) {
      for (const [key, value] of Object.entries(raw.quotas)) {
        if (typeof value === 'number' && Number.isInteger(value) && value > 0 && value < 1000) {
          settings.quotas[key.toLowerCase()] = value;
        } else {
          problems.push(`projectIdeas.quotas.${key}: expected a whole number from 1 to 999; ignored.`);
        }
      }
    } else {
      problems.push('projectIdeas.quotas: expected an object of project to number; using the default quotas.');
    }
  }
  if (raw.maxFileSize !== undefined) {
    if (typeof raw.maxFileSize === 'number' && raw.maxFileSize >= 10_000 && raw.maxFileSize <= 100_000_000) {
      settings.maxFileSize = raw.maxFileSize;
    } else {
      problems.push(
        `projectIdeas.maxFileSize: expected a number of bytes from 10000 to 100000000; using ${DEFAULT_SETTINGS.maxFileSize}.`,
      );
    }
  }
  resolveDraftSettings(raw, settings, problems);
  return { settings, problems };
}

/** `projectIdeas.drafts.*` and `projectIdeas.issues.*` (nested objects in the raw configuration). */
function resolveDraftSettings(raw: Record<string, unknown>, settings: Settings, problems: string[]): void {
  const drafts = raw.drafts;
  if (drafts !== undefined && drafts !== null) {
    const files = isRecord(drafts) ? drafts.files : undefined;
    if (!isRecord(drafts)) problems.push('projectIdeas.drafts: expected an object; using the default draft globs.');
    else if (files !== undefined) {
      if (Array.isArray(files) && files.every((g) => typeof g === 'string' && g.trim() !== '')) settings.draftFiles = files as string[];
      else problems.push(`projectIdeas.drafts.files: expected a list of non-empty glob strings; using ${JSON.stringify(DEFAULT_DRAFT_GLOBS)}.`);
    }
  }
  const issues = raw.issues;
  if (issues !== undefined && issues !== null) {
    if (!isRecord(issues)) {
      problems.push('projectIdeas.issues: expected an object; using cncf/mentoring and lfx-program-proposal.yml.');
      return;
    }
    if (issues.repository !== undefined) {
      if (typeof issues.repository === 'string' && /^[A-Za-z0-9_.-]{1,100}\/[A-Za-z0-9_.-]{1,100}$/.test(issues.repository.trim())) {
        settings.issueRepository = issues.repository.trim();
      } else problems.push(`projectIdeas.issues.repository: expected owner/name (e.g. cncf/mentoring); using ${DEFAULT_SETTINGS.issueRepository}.`);
    }
    if (issues.template !== undefined) {
      if (typeof issues.template === 'string' && /^[A-Za-z0-9_.-]{1,200}\.ya?ml$/.test(issues.template.trim())) {
        settings.issueTemplate = issues.template.trim();
      } else problems.push(`projectIdeas.issues.template: expected a form file name ending in .yml; using ${DEFAULT_SETTINGS.issueTemplate}.`);
    }
  }
}
