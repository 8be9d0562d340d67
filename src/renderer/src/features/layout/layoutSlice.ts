// The workbench layout: which view is shown, which panes are open, and the command palette.
import type { StateCreator } from 'zustand';
import type { AppState } from '../../store';

export const views = ['project', 'specs', 'editor', 'review', 'console', 'history', 'settings'] as const;
export type ViewId = (typeof views)[number];

export type LayoutSlice = {
  layout: { view: ViewId; sidebarOpen: boolean; panelOpen: boolean; paletteOpen: boolean };
  showView: (view: ViewId) => void;
  toggleSidebar: () => void;
  togglePanel: (open?: boolean) => void;
  setPaletteOpen: (open: boolean) => void;
};

export const createLayoutSlice: StateCreator<AppState, [], [], LayoutSlice> = (set) => ({
  layout: { view: 'project', sidebarOpen: true, panelOpen: false, paletteOpen: false },
  showView: (view) => set((s) => ({ layout: { ...s.layout, view, paletteOpen: false } })),
  toggleSidebar: () => set((s) => ({ layout: { ...s.layout, sidebarOpen: !s.layout.sidebarOpen } })),
  togglePanel: (open) => set((s) => ({ layout: { ...s.layout, panelOpen: open ?? !s.layout.panelOpen } })),
  setPaletteOpen: (paletteOpen) => set((s) => ({ layout: { ...s.layout, paletteOpen } })),
});
