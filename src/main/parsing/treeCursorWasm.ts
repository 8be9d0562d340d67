// A tree cursor that calls web-tree-sitter's WebAssembly directly, for code that reads every node of a tree once.
//
// Why: web-tree-sitter's own TreeCursor, before each call, writes the cursor's four handles into a shared transfer
// buffer through Emscripten's generic setValue, and after each move reads them back with getValue. For the validator's
// copy of a 3,300-node tree that glue cost twice what the WebAssembly and the copy's own objects do (the copy took
// 3.5 ms with it, 1.2 ms without; docs/performance.md, ## Validation). The WebAssembly functions keep the current
// cursor in that buffer themselves — every move writes it back — so calling them directly needs no marshalling at all. They are the very functions, with the same arguments, that web-tree-sitter's TreeCursor calls
// (lib/binding_web/lib/tree-sitter.c); src/main/validator/syntaxTree.test.ts compares a tree read this way with
// web-tree-sitter's public API node for node, so an upgrade that changes them fails there.
import type { Tree } from 'web-tree-sitter';

/**
 * The object Parser.init builds web-tree-sitter's Emscripten module on (Emscripten adds the WebAssembly exports to the
 * object it is given). treeSitter.ts passes it to the one Parser.init of the process (or worker).
 */
export const treeSitterModule: Record<string, unknown> = {};

type TreeFunction = (tree: number) => number;

const functionNames = {
  rootNode: '_ts_tree_root_node_wasm',
  newCursor: '_ts_tree_cursor_new_wasm',
  deleteCursor: '_ts_tree_cursor_delete_wasm',
  gotoFirstChild: '_ts_tree_cursor_goto_first_child_wasm',
  gotoNextSibling: '_ts_tree_cursor_goto_next_sibling_wasm',
  gotoParent: '_ts_tree_cursor_goto_parent_wasm',
  typeId: '_ts_tree_cursor_current_node_type_id_wasm',
  fieldId: '_ts_tree_cursor_current_field_id_wasm',
  startIndex: '_ts_tree_cursor_start_index_wasm',
  endIndex: '_ts_tree_cursor_end_index_wasm',
  isMissing: '_ts_tree_cursor_current_node_is_missing_wasm',
} as const;

type CursorFunctions = Record<keyof typeof functionNames, TreeFunction>;

let cursorFunctions: CursorFunctions | undefined;

function loadCursorFunctions(): CursorFunctions {
  const found: Partial<CursorFunctions> = {};
  for (const [key, name] of Object.entries(functionNames) as Array<[keyof CursorFunctions, string]>) {
    const exported = treeSitterModule[name];
    if (typeof exported !== 'function') {
      throw new Error(`web-tree-sitter's WebAssembly has no ${name}: it was initialised outside src/main/parsing/treeSitter.ts, or its binding changed.`);
    }
    found[key] = exported as TreeFunction;
  }
  return found as CursorFunctions;
}

/** A cursor over one tree: the moves and reads of web-tree-sitter's TreeCursor that a full copy needs. */
export type WasmTreeCursor = {
  gotoFirstChild(): boolean;
  gotoNextSibling(): boolean;
  gotoParent(): boolean;
  typeId(): number;
  /** The field id of the current node in its parent (0 when none); names are in `tree.language.fields`. */
  fieldId(): number;
  /** In UTF-16 code units, as web-tree-sitter reports for string input. */
  startIndex(): number;
  endIndex(): number;
  isMissing(): boolean;
  delete(): void;
};

/**
 * Opens a cursor at the root of `tree`. The cursor lives in web-tree-sitter's transfer buffer, so between opening and
 * `delete()` nothing else of web-tree-sitter may be called (any other call overwrites the buffer): use it in one
 * synchronous loop, and delete it in a `finally`.
 */
export function openTreeCursor(tree: Tree): WasmTreeCursor {
  const wasm = (cursorFunctions ??= loadCursorFunctions());
  // web-tree-sitter keeps a tree's address in WebAssembly memory at index 0 of the Tree object.
  const address = (tree as unknown as { 0: number })[0];
  if (typeof address !== 'number' || address === 0) throw new Error('Cannot walk a deleted tree.');
  wasm.rootNode(address);
  wasm.newCursor(address);
  return {
    gotoFirstChild: () => wasm.gotoFirstChild(address) === 1,
    gotoNextSibling: () => wasm.gotoNextSibling(address) === 1,
    gotoParent: () => wasm.gotoParent(address) === 1,
    typeId: () => wasm.typeId(address),
    fieldId: () => wasm.fieldId(address),
    startIndex: () => wasm.startIndex(address),
    endIndex: () => wasm.endIndex(address),
    isMissing: () => wasm.isMissing(address) === 1,
    delete: () => {
      wasm.deleteCursor(address);
    },
  };
}
