// The scratch editor's document: code typed or pasted by the user, its language and the trust tier it is judged at.
import type { StateCreator } from 'zustand';
import type { Language, Tier } from '../../../../shared/domain';
import type { AppState } from '../../store';

export type EditorSlice = {
  editor: { code: string; language: Language; tier: Tier };
  setEditorCode: (code: string) => void;
  setEditorLanguage: (language: Language) => void;
  setEditorTier: (tier: Tier) => void;
};

const starter = `def greet(name: str) -> str:
    """Return a friendly greeting."""
    return f"Hello, {name}!"


print(greet(input("Your name? ")))
`;

export const createEditorSlice: StateCreator<AppState, [], [], EditorSlice> = (set) => ({
  editor: { code: starter, language: 'python', tier: 'sandbox' },
  setEditorCode: (code) => set((s) => ({ editor: { ...s.editor, code } })),
  setEditorLanguage: (language) => set((s) => ({ editor: { ...s.editor, language } })),
  setEditorTier: (tier) => set((s) => ({ editor: { ...s.editor, tier } })),
});
