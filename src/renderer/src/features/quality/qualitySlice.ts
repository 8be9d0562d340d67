// The quality analyzer as the renderer sees it: the Editor's "Assess quality" request and the report it shows.
import type { StateCreator } from 'zustand';
import type { AnalyzeCode } from '../../../../shared/quality';
import { bridge } from '../../bridge';
import type { AppState } from '../../store';
import { applyAssessmentReply, closeAssessment, idleAssessment, startAssessment, type QualityAssessment } from './qualityState';

export type QualitySlice = {
  quality: QualityAssessment;
  /** Assesses code (lint, types, complexity, score) and shows the report; a reply to an older call is ignored. */
  assessQuality: (input: AnalyzeCode) => Promise<void>;
  closeQualityReport: () => void;
};

export const createQualitySlice: StateCreator<AppState, [], [], QualitySlice> = (set, get) => ({
  quality: idleAssessment,
  assessQuality: async (input) => {
    set((s) => ({ quality: startAssessment(s.quality) }));
    const sequence = get().quality.latest;
    const reply = await bridge.invoke('quality.analyze', input);
    set((s) => ({ quality: applyAssessmentReply(s.quality, sequence, reply) }));
  },
  closeQualityReport: () => set((s) => ({ quality: closeAssessment(s.quality) })),
});
