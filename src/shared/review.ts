// Review and deployment: the queue of generated code waiting for a person, their decisions, and commits into projects.
import { z } from 'zod';
import { QualityReport } from './quality';

const Id = z.number().int().positive();

export const ReviewDecision = z.enum(['approved', 'changes-requested', 'rejected']);
export type ReviewDecision = z.infer<typeof ReviewDecision>;

/** A reviewer's choice on one hunk of a change to existing code; a rejected hunk's reason feeds the next generation. */
export const HunkChoice = z.object({ index: z.number().int().min(0).max(10_000), accepted: z.boolean(), reason: z.string().max(2000).optional() }).strict();
export type HunkChoice = z.infer<typeof HunkChoice>;

export const ReviewRecord = z.object({
  id: Id,
  artifactId: Id,
  decision: ReviewDecision,
  comment: z.string().nullable(),
  hunks: z.array(HunkChoice),
  reviewer: z.string(),
  createdAt: z.string(),
});
export type ReviewRecord = z.infer<typeof ReviewRecord>;

/** One artefact in the review queue. */
export const ReviewItem = z.object({
  artifactId: Id,
  specId: Id.nullable(),
  specName: z.string(),
  specVersion: z.number().int().nullable(),
  language: z.string(),
  bodySource: z.string(),
  status: z.string(),
  createdAt: z.string(),
  /** The latest decision, or null while it waits for one. */
  decision: ReviewDecision.nullable(),
  deployed: z.boolean(),
});
export type ReviewItem = z.infer<typeof ReviewItem>;

/** Where approved code goes in a project: a new file, in place of an indexed symbol, or at the end of a file. */
export const DeployTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('new-file'), path: z.string().min(1).max(1000) }).strict(),
  z.object({ kind: z.literal('replace-symbol'), symbolId: Id }).strict(),
  z.object({ kind: z.literal('append'), path: z.string().min(1).max(1000) }).strict(),
]);
export type DeployTarget = z.infer<typeof DeployTarget>;

export const Hunk = z.object({ index: z.number().int(), oldStart: z.number().int(), oldLines: z.array(z.string()), newStart: z.number().int(), newLines: z.array(z.string()) });

export const FileChange = z.object({ path: z.string(), action: z.enum(['create', 'modify']), before: z.string().nullable(), after: z.string() });
export type FileChange = z.infer<typeof FileChange>;

/** The change a deployment would make, before anything is written (the dry run, and the review's diff). */
export const DeployPreview = z.object({
  projectId: Id,
  repoRoot: z.string().nullable(),
  branch: z.string(),
  path: z.string(),
  /** The text of what is replaced (the symbol's lines, or the whole file), null for a new file. */
  before: z.string().nullable(),
  after: z.string(),
  hunks: z.array(Hunk),
  changes: z.array(FileChange),
  /** Why it cannot be deployed as is (not a repository, file changed, …); empty when it can. */
  problems: z.array(z.object({ code: z.string(), message: z.string(), canInit: z.boolean().optional() })),
});
export type DeployPreview = z.infer<typeof DeployPreview>;

export const TestRunSummary = z.object({ command: z.string(), exitCode: z.number().nullable(), signal: z.string().nullable(), timedOut: z.boolean(), output: z.string(), durationMs: z.number() });

export const DeploymentRecord = z.object({
  id: Id,
  artifactId: Id,
  projectId: Id,
  branch: z.string(),
  targetPath: z.string(),
  mode: z.string(),
  status: z.enum(['committed', 'tests-failed', 'reverted']),
  commit: z.string().nullable(),
  revertCommit: z.string().nullable(),
  files: z.array(FileChange),
  testRun: TestRunSummary.nullable(),
  createdAt: z.string(),
});
export type DeploymentRecord = z.infer<typeof DeploymentRecord>;

const Stored = z.object({ id: Id, createdAt: z.string() }).catchall(z.unknown());

/** Everything a reviewer needs about one artefact: its code and tests and the trail that led to them. */
export const ReviewDetail = z.object({
  item: ReviewItem,
  code: z.string(),
  tests: z.string(),
  spec: z.unknown(),
  stages: z.array(Stored),
  validations: z.array(Stored),
  testRuns: z.array(Stored),
  /** The quality analyzer's reports on this version, oldest first: score, breakdown, findings, tools and versions. */
  quality: z.array(QualityReport),
  executions: z.array(Stored),
  reviews: z.array(ReviewRecord),
  deployments: z.array(DeploymentRecord),
});
export type ReviewDetail = z.infer<typeof ReviewDetail>;

const DeployInput = z
  .object({
    artifactId: Id,
    projectId: Id,
    target: DeployTarget,
    /** Overrides the project's configured test command for this deployment ('' runs none). */
    testCommand: z.string().max(2000).optional(),
  })
  .strict();

export const reviewRequests = {
  'review.list': {
    input: z.object({ state: z.enum(['pending', 'approved', 'all']).default('pending'), limit: z.number().int().min(1).max(500).default(100) }).strict(),
    output: z.array(ReviewItem),
  },
  'review.show': { input: z.object({ artifactId: Id }).strict(), output: ReviewDetail },
  'review.decide': {
    input: z
      .object({ artifactId: Id, decision: ReviewDecision, comment: z.string().max(10_000).optional(), hunks: z.array(HunkChoice).max(1000).optional() })
      .strict(),
    output: ReviewRecord,
  },
  /** The dry run: which files change and how, with the hunks a reviewer can accept or reject. */
  'deploy.preview': { input: DeployInput, output: DeployPreview },
  'deploy.run': { input: DeployInput, output: DeploymentRecord },
  'deploy.undo': { input: z.object({ deploymentId: Id }).strict(), output: DeploymentRecord },
  'deploy.list': { input: z.object({ artifactId: Id.optional(), limit: z.number().int().min(1).max(500).default(100) }).strict(), output: z.array(DeploymentRecord) },
  /** Finds the indexed symbol to replace by name (`Class.method` or `function`), optionally in one file. */
  'deploy.findSymbol': {
    input: z.object({ projectId: Id, name: z.string().min(1).max(500), path: z.string().max(1000).optional() }).strict(),
    output: z.array(z.object({ id: Id, qualifiedName: z.string(), path: z.string(), startLine: z.number().int() })),
  },
  /** The project's own test command, run before a deployment commits (null: none). */
  'deploy.setTestCommand': { input: z.object({ projectId: Id, testCommand: z.string().max(2000).nullable() }).strict(), output: z.object({ testCommand: z.string().nullable() }) },
  /** Makes the project a git repository (`git init` and a first commit) unless it is one; `created` says which. */
  'deploy.initRepository': { input: z.object({ projectId: Id }).strict(), output: z.object({ commit: z.string(), created: z.boolean() }) },
} as const;
