// The renderer's one zustand store, combined from feature slices that each own their key and actions.
import { create } from 'zustand';
import { createAppSlice, type AppSlice } from './features/app/appSlice';
import { createEditorSlice, type EditorSlice } from './features/editor/editorSlice';
import { createHistorySlice, type HistorySlice } from './features/history/historySlice';
import { createLayoutSlice, type LayoutSlice } from './features/layout/layoutSlice';

export type AppState = AppSlice & LayoutSlice & HistorySlice & EditorSlice;

export const useAppStore = create<AppState>()((...a) => ({
  ...createAppSlice(...a),
  ...createLayoutSlice(...a),
  ...createHistorySlice(...a),
  ...createEditorSlice(...a),
}));
