// Where an artefact stands in the review pipeline, derived from what the service stored (review.show), never from
// what this window last did: a deployment made elsewhere, or one undone, shows the same after a refresh.
import type { DeploymentRecord, ReviewDetail } from '../../../../shared/review';

export type ReviewStage = {
  /** What the header shows: "deployed" while a deployment's commit stands, else the artefact's own status. */
  status: string;
  /** The deployment whose commit stands on its branch (status committed), if any. */
  live: DeploymentRecord | null;
  /** The newest deployment of any status (committed, tests-failed, reverted), shown under the deploy button. */
  latest: DeploymentRecord | null;
  /** Approve, request changes or reject: only for code that passed its checks and is not deployed. */
  canDecide: boolean;
  /** Deploy: approved, and not deployed already (undo the deployment to deploy again). */
  canDeploy: boolean;
};

export function reviewStage(detail: ReviewDetail): ReviewStage {
  // Newest first by id, whatever order the service listed them in.
  const deployments = [...detail.deployments].sort((a, b) => b.id - a.id);
  const live = deployments.find((deployment) => deployment.status === 'committed') ?? null;
  const ready = detail.item.status === 'ready-for-review';
  return {
    status: live ? 'deployed' : detail.item.status,
    live,
    latest: deployments[0] ?? null,
    canDecide: ready && !live,
    canDeploy: ready && detail.item.decision === 'approved' && !live,
  };
}
