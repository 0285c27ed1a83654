// The one way through a model. "Project" always says which one:
//   top project   a section in `model.projects` (a CNCF project heading)
//   sub-project   a project nested in another (Kubernetes > Kubespray): `project.subprojects`
//   home          the project, top or sub, a proposal is written under (none for a loose proposal)
// Lists are made once per model or project object (a published model never changes: model.ts).
import type { IdeasModel, Project, Proposal } from './model';
import { comparePos } from './span';

/** A proposal with where it sits. */
export interface ProposalPlace {
  readonly proposal: Proposal;
  /** The project it is written under (a sub-project when nested); none for a loose proposal. */
  readonly home?: Project;
  /** The top project holding it. */
  readonly top?: Project;
}

/** A project, top or sub, with the project right above it and the top project holding it. */
export interface ProjectPlace {
  readonly project: Project;
  readonly parent?: Project;
  readonly top: Project;
}

/** Every proposal of the model, loose ones included, in document order. */
export function proposalsOf(model: IdeasModel): readonly ProposalPlace[] {
  let out = proposalPlaces.get(model);
  if (!out) {
    const list: ProposalPlace[] = model.looseProposals.map((proposal) => ({ proposal }));
    for (const { project, top } of allProjectsDeep(model)) {
      for (const proposal of project.proposals) list.push({ proposal, home: project, top });
    }
    proposalPlaces.set(model, (out = list.sort((a, b) => comparePos(a.proposal.headingRange.start, b.proposal.headingRange.start))));
  }
  return out;
}

const proposalPlaces = new WeakMap<IdeasModel, readonly ProposalPlace[]>();

/** Every project, top projects and their sub-projects at any depth, each after its parent. */
export function allProjectsDeep(model: IdeasModel): readonly ProjectPlace[] {
  let out = projectPlaces.get(model);
  if (!out) {
    const list: ProjectPlace[] = [];
    const walk = (project: Project, parent: Project | undefined, top: Project) => {
      list.push({ project, parent, top });
      for (const sub of project.subprojects) walk(sub, project, top);
    };
    for (const project of model.projects) walk(project, undefined, project);
    projectPlaces.set(model, (out = list));
  }
  return out;
}

const projectPlaces = new WeakMap<IdeasModel, readonly ProjectPlace[]>();

/** The proposals of a project and of its sub-projects at any depth, in document order. */
export function proposalsUnder(project: Project): readonly Proposal[] {
  let out = projectProposals.get(project);
  if (!out) {
    const list: Proposal[] = [];
    const walk = (p: Project) => {
      list.push(...p.proposals);
      for (const sub of p.subprojects) walk(sub);
    };
    walk(project);
    projectProposals.set(project, (out = list.sort((a, b) => comparePos(a.headingRange.start, b.headingRange.start))));
  }
  return out;
}

const projectProposals = new WeakMap<Project, readonly Proposal[]>();

/**
 * Top projects that are really sub-projects: the heading sits one level below the top project
 * before it (`### KubeEdge` with its own proposals, then `#### Sedna` > `##### Sedna model cache`).
 * Maps each such top project to the one it sits under.
 */
export function nestedTops(model: IdeasModel): ReadonlyMap<Project, Project> {
  let out = nested.get(model);
  if (out) return out;
  const map = new Map<Project, Project>();
  // Only under a project at the file's project level (the level most project headings use): `### Envoy`
  // written one level too high above `#### Open Service Mesh` does not adopt the projects after it.
  const counts = new Map<number, number>();
  for (const p of model.projects) counts.set(p.level, (counts.get(p.level) ?? 0) + 1);
  let level = model.template.projectLevel;
  for (const [l, c] of counts) if (c * 2 > model.projects.length) level = l;
  let parent: Project | undefined;
  for (const project of model.projects) {
    if (project.level === level) parent = project;
    else if (parent && project.level === level + 1) map.set(project, parent);
    else if (project.level <= level) parent = undefined;
  }
  nested.set(model, (out = map));
  return out;
}

const nested = new WeakMap<IdeasModel, ReadonlyMap<Project, Project>>();
