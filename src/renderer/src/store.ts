// The renderer's one zustand store, combined from feature slices that each own their key and actions.
import { create } from 'zustand';
import { createAppSlice, type AppSlice } from './features/app/appSlice';
import { createConsoleSlice, type ConsoleSlice } from './features/console/consoleSlice';
import { createEditorSlice, type EditorSlice } from './features/editor/editorSlice';
import { createHistorySlice, type HistorySlice } from './features/history/historySlice';
import { createRunsSlice, type RunsSlice } from './features/history/runsSlice';
import { createLayoutSlice, type LayoutSlice } from './features/layout/layoutSlice';
import { createReviewSlice, type ReviewSlice } from './features/review/reviewSlice';
import { createProjectSlice, type ProjectSlice } from './features/project/projectSlice';
import { createSpecsSlice, type SpecsSlice } from './features/specs/specsSlice';
import { createQualitySlice, type QualitySlice } from './features/quality/qualitySlice';
import { createValidationSlice, type ValidationSlice } from './features/validation/validationSlice';

export type AppState = AppSlice & LayoutSlice & HistorySlice & EditorSlice & ValidationSlice & ConsoleSlice & RunsSlice & ProjectSlice & ReviewSlice & SpecsSlice & QualitySlice;

export const useAppStore = create<AppState>()((...a) => ({
  ...createAppSlice(...a),
  ...createLayoutSlice(...a),
  ...createHistorySlice(...a),
  ...createEditorSlice(...a),
  ...createValidationSlice(...a),
  ...createQualitySlice(...a),
  ...createConsoleSlice(...a),
  ...createRunsSlice(...a),
  ...createProjectSlice(...a),
  ...createReviewSlice(...a),
  ...createSpecsSlice(...a),
}));
