// The review pipeline's stage follows the stored deployments: deployed while a commit stands, open again once undone.
import { describe, expect, it } from 'vitest';
import type { DeploymentRecord, ReviewDetail } from '../../../../shared/review';
import { reviewStage } from './reviewState';

const item = { artifactId: 2, specId: 1, specName: 'is_prime', specVersion: 1, language: 'python', bodySource: 'library', status: 'ready-for-review', createdAt: '', decision: null, deployed: false };
const detail = (change: Partial<ReviewDetail['item']>, deployments: DeploymentRecord[] = []): ReviewDetail =>
  ({ item: { ...item, ...change }, code: '', tests: '', spec: {}, stages: [], validations: [], testRuns: [], quality: [], executions: [], reviews: [], deployments }) as ReviewDetail;
const deployment = (id: number, status: DeploymentRecord['status']): DeploymentRecord => ({
  id, artifactId: 2, projectId: 1, branch: 'ark/is-prime', targetPath: 'primes.py', mode: 'new-file', status,
  commit: status === 'tests-failed' ? null : `c${id}`, revertCommit: status === 'reverted' ? `r${id}` : null, files: [], testRun: null, createdAt: '',
});

describe('reviewStage', () => {
  it('waits for a decision, then offers the deployment once approved', () => {
    expect(reviewStage(detail({}))).toMatchObject({ status: 'ready-for-review', canDecide: true, canDeploy: false, live: null });
    expect(reviewStage(detail({ decision: 'approved' }))).toMatchObject({ status: 'ready-for-review', canDecide: true, canDeploy: true });
    expect(reviewStage(detail({ status: 'needs-body' }))).toMatchObject({ canDecide: false, canDeploy: false });
  });

  it('is deployed while a commit stands: no second deployment, no decision against it', () => {
    const stage = reviewStage(detail({ decision: 'approved', deployed: true }, [deployment(1, 'committed')]));
    expect(stage).toMatchObject({ status: 'deployed', canDecide: false, canDeploy: false });
    expect(stage.live?.commit).toBe('c1');
  });

  it('opens again once the deployment is undone or its tests failed, and shows the newest deployment', () => {
    const undone = reviewStage(detail({ decision: 'approved' }, [deployment(1, 'reverted')]));
    expect(undone).toMatchObject({ status: 'ready-for-review', canDecide: true, canDeploy: true, live: null });
    const failed = reviewStage(detail({ decision: 'approved' }, [deployment(1, 'reverted'), deployment(2, 'tests-failed')]));
    expect(failed.latest?.id).toBe(2);
    expect(failed.canDeploy).toBe(true);
    // The service lists newest first, but the order is not relied on.
    expect(reviewStage(detail({ decision: 'approved' }, [deployment(1, 'reverted'), deployment(3, 'committed')])).live?.id).toBe(3);
  });
});
