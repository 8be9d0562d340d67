// The validator as the renderer sees it: the live report on the editor's code, and the tier policies Settings edits.
import type { StateCreator } from 'zustand';
import type { Tier } from '../../../../shared/domain';
import type { ErrorData, Reply } from '../../../../shared/errors';
import type { PolicySet, TierPolicy } from '../../../../shared/validation';
import { bridge } from '../../bridge';
import type { AppState } from '../../store';
import { applyValidationReply, idleValidation, startValidation, type LiveInput, type LiveValidation } from './validationState';

export type PolicyState = { status: 'idle' | 'loading' | 'ready' | 'failed'; set: PolicySet | null; error?: ErrorData; saving: boolean };

export type ValidationSlice = {
  validation: LiveValidation;
  policies: PolicyState;
  /** Validates code now; a reply to an older call that arrives later is ignored. */
  validateLive: (input: LiveInput) => Promise<void>;
  loadPolicies: () => Promise<void>;
  /** Saves one tier's policy; resolves to the error when the services refused it. */
  savePolicy: (policy: TierPolicy) => Promise<ErrorData | null>;
  resetPolicy: (tier: Tier) => Promise<ErrorData | null>;
  /** A policy set pushed by the services (another window saved one). */
  receivePolicies: (set: PolicySet) => void;
};

export const createValidationSlice: StateCreator<AppState, [], [], ValidationSlice> = (set, get) => {
  const savePolicies = async (request: () => Promise<Reply<PolicySet>>): Promise<ErrorData | null> => {
    set((s) => ({ policies: { ...s.policies, saving: true } }));
    const reply = await request();
    set((s) => ({ policies: reply.ok ? { status: 'ready', set: reply.value, saving: false } : { ...s.policies, saving: false } }));
    return reply.ok ? null : reply.error;
  };
  return {
    validation: idleValidation,
    policies: { status: 'idle', set: null, saving: false },
    validateLive: async (input) => {
      set((s) => ({ validation: startValidation(s.validation) }));
      const sequence = get().validation.latest;
      const reply = await bridge.invoke('validate.run', input);
      set((s) => ({ validation: applyValidationReply(s.validation, sequence, reply) }));
    },
    loadPolicies: async () => {
      set((s) => ({ policies: { ...s.policies, status: 'loading' } }));
      const reply = await bridge.invoke('validate.policies', {});
      set((s) => ({
        policies: reply.ok ? { status: 'ready', set: reply.value, saving: false } : { ...s.policies, status: 'failed', error: reply.error },
      }));
    },
    savePolicy: (policy) => savePolicies(() => bridge.invoke('validate.setPolicy', { policy })),
    resetPolicy: (tier) => savePolicies(() => bridge.invoke('validate.resetPolicy', { tier })),
    receivePolicies: (policySet) => set((s) => ({ policies: { ...s.policies, status: 'ready', set: policySet } })),
  };
};
