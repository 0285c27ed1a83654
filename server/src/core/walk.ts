// The one way through a model. "Project" always says which one:
//   top project   a section in `model.projects` (a CNCF project heading)
//   sub-project   a project nested in another (Kubernetes > Kubespray): `project.subprojects`
//   home          the project, top or sub, a proposal is written under (none for a loose proposal)
// Lists are made once per model or project object (a published model never changes: model.ts).
import type { IdeasModel, Project, Proposal } from './model';
import { memoObject } from './memo';
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
export const proposalsOf = memoObject((model: IdeasModel): readonly ProposalPlace[] => {
  const list: ProposalPlace[] = model.looseProposals.map((proposal) => ({ proposal }));
  for (const { project, top } of allProjectsDeep(model)) {
    for (const proposal of project.proposals) list.push({ proposal, home: project, top });
  }
  return list.sort((a, b) => comparePos(a.proposal.headingRange.start, b.proposal.headingRange.start));
});

/** Every project, top projects and their sub-projects at any depth, each after its parent. */
export const allProjectsDeep = memoObject((model: IdeasModel): readonly ProjectPlace[] => {
  const list: ProjectPlace[] = [];
  const walk = (project: Project, parent: Project | undefined, top: Project) => {
    list.push({ project, parent, top });
    for (const sub of project.subprojects) walk(sub, project, top);
  };
  for (const project of model.projects) walk(project, undefined, project);
  return list;
});

/** The proposals of a project and of its sub-projects at any depth, in document order. */
export const proposalsUnder = memoObject((project: Project): readonly Proposal[] => {
  const list: Proposal[] = [];
  const walk = (p: Project) => {
    list.push(...p.proposals);
    for (const sub of p.subprojects) walk(sub);
  };
  walk(project);
  return list.sort((a, b) => comparePos(a.headingRange.start, b.headingRange.start));
});

/**
 * Top projects that are really sub-projects: the heading sits one level below the top project
 * before it (`### KubeEdge` with its own proposals, then `#### Sedna` > `##### Sedna model cache`).
 * Maps each such top project to the one it sits under.
 */
export const nestedTops = memoObject((model: IdeasModel): ReadonlyMap<Project, Project> => {
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
  return map;
});
