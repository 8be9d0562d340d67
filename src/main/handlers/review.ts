// Review and deployment requests: the queue, decisions, the dry run, the commit and its undo.
import { ArkError } from '../../shared/errors';
import type { AreaHandlers, HandlerDeps } from './types';

export function reviewHandlers({ services, repos, events, user }: HandlerDeps): AreaHandlers<'review.' | 'deploy.'> {
  const { review } = services;
  return {
    'review.list': async ({ state, limit }) => review.list(state, limit),
    'review.show': async ({ artifactId }) => review.show(artifactId),
    'review.decide': async (input) => review.decide(input),
    'deploy.preview': async (input) => review.preview(input),
    'deploy.run': async (input) => review.deploy(input),
    'deploy.undo': async ({ deploymentId }) => review.undo(deploymentId),
    'deploy.list': async (filter) => review.deployments(filter),
    'deploy.findSymbol': async ({ projectId, name, path }) => repos.review.findSymbols(projectId, name, path),
    'deploy.setTestCommand': async ({ projectId, testCommand }) => {
      if (!repos.review.project(projectId)) throw new ArkError('not-found', `There is no project #${projectId}.`);
      const value = testCommand?.trim() || null;
      repos.review.setTestCommand(projectId, value);
      events.emit('audit.appended', repos.audit.append({ kind: 'project.test-command', actor: user, data: { projectId, testCommand: value } }));
      return { testCommand: value };
    },
    'deploy.initRepository': async ({ projectId }) => review.initRepository(projectId),
  };
}
