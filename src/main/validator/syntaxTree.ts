// A plain-JavaScript copy of a tree-sitter tree, read once with a cursor, that the validator's rules walk.
//
// Why: every accessor of a web-tree-sitter Node (type, childForFieldName, namedChildren, text …) is a call into the
// parser's WebAssembly that allocates fresh Node objects, and the rules ask the same questions of the same nodes many
// times (a 300-line file cost ~15 000 such calls, half of our rules' time). Here each node is visited once, and
// everything after that is ordinary property access. Text and line/column positions are derived from the source
// string on demand, exactly as tree-sitter counts them. The cursor calls the WebAssembly directly (treeCursorWasm.ts):
// through web-tree-sitter's TreeCursor the copy cost about as much as the parse itself (docs/performance.md).
import type { Language, Tree } from 'web-tree-sitter';
import { LineIndex, type Point } from '../parsing/lineIndex';
import { openTreeCursor } from '../parsing/treeCursorWasm';

export type { Point };

const noChildren: SyntaxNode[] = [];

/** One syntax node: the subset of web-tree-sitter's Node the validator uses, as plain data. */
export class SyntaxNode {
  // Shared, not copied per call as web-tree-sitter's are: read-only for the rules. Leaves (most nodes) share one empty
  // list.
  private childList: SyntaxNode[] = noChildren;
  private namedChildList: SyntaxNode[] = noChildren;
  /** The field this node fills in its parent (`left`, `body` …), or null. */
  readonly field: string | null;
  startIndex = 0;
  endIndex = 0;
  isMissing = false;
  /**
   * Whether this node is or holds an ERROR or MISSING node of the tree. Unlike web-tree-sitter's hasError, a MISSING
   * token the grammar hides (a made-up newline or indent) does not count: no rule could point at it.
   */
  hasError = false;
  private cachedText: string | null = null;

  constructor(
    /** Unique within its tree (a counter, not tree-sitter's id, which is an address in WebAssembly memory). */
    readonly id: number,
    readonly type: string,
    readonly isNamed: boolean,
    field: string | null,
    readonly parent: SyntaxNode | null,
    private readonly source: string,
    private readonly lines: LineIndex,
  ) {
    this.field = field;
  }

  get text(): string {
    return (this.cachedText ??= this.source.slice(this.startIndex, this.endIndex));
  }

  get startPosition(): Point {
    return this.lines.point(this.startIndex);
  }

  get endPosition(): Point {
    return this.lines.point(this.endIndex);
  }

  get children(): readonly SyntaxNode[] {
    return this.childList;
  }

  get namedChildren(): readonly SyntaxNode[] {
    return this.namedChildList;
  }

  /** Sets the children once they are all read; when all are named (as is common) both lists are the same array. */
  setChildren(children: SyntaxNode[]): void {
    this.childList = children;
    let named = 0;
    for (const child of children) if (child.isNamed) named += 1;
    this.namedChildList = named === children.length ? children : named === 0 ? noChildren : children.filter((child) => child.isNamed);
  }

  /** The first child in `field`, like tree-sitter's childForFieldName. */
  // Indexed loops: these two are the rules' most frequent calls (a tenth of their time in a profile).
  childForFieldName(field: string): SyntaxNode | null {
    const children = this.childList;
    for (let index = 0; index < children.length; index += 1) {
      const child = children[index] as SyntaxNode;
      if (child.field === field) return child;
    }
    return null;
  }

  /** Every child in `field`, in order. */
  childrenForFieldName(field: string): SyntaxNode[] {
    const found: SyntaxNode[] = [];
    const children = this.childList;
    for (let index = 0; index < children.length; index += 1) {
      const child = children[index] as SyntaxNode;
      if (child.field === field) found.push(child);
    }
    return found;
  }
}

// Whether each type id is named, per grammar: asked of the WebAssembly once, not once per node, and before a walk
// (which must not call anything else of web-tree-sitter).
const namedTypesByLanguage = new WeakMap<Language, boolean[]>();

function namedTypes(language: Language): boolean[] {
  let named = namedTypesByLanguage.get(language);
  if (!named) {
    named = language.types.map((_, typeId) => language.nodeTypeIsNamed(typeId));
    namedTypesByLanguage.set(language, named);
  }
  return named;
}

/**
 * Copies `tree` (parsed from `source`) into SyntaxNodes. The walk is iterative: hostile nesting must not overflow the
 * stack. The WebAssembly tree can be deleted afterwards.
 */
export function readSyntaxTree(tree: Tree, source: string): SyntaxNode {
  const language = tree.language;
  const types = language.types;
  const fields = language.fields;
  const named = namedTypes(language);
  const lines = new LineIndex(source);
  // Whether a node is MISSING is one more call per node; only a tree with errors needs it asked.
  const hasErrors = tree.rootNode.hasError;
  const cursor = openTreeCursor(tree);
  let nextId = 0;
  const read = (parent: SyntaxNode | null): SyntaxNode => {
    const typeId = cursor.typeId();
    const field = parent ? (fields[cursor.fieldId()] ?? null) : null;
    // Like web-tree-sitter's Node.type: an id without a name (the ERROR symbol, 65535) reads as ERROR.
    const node = new SyntaxNode(nextId++, types[typeId] || 'ERROR', named[typeId] ?? true, field, parent, source, lines);
    // Ranges are read for every node: an inner node may end past its last visible child (a block ends with a hidden
    // dedent token), so they cannot be derived from the children.
    node.startIndex = cursor.startIndex();
    node.endIndex = cursor.endIndex();
    if (hasErrors) node.isMissing = cursor.isMissing();
    return node;
  };
  // The children read so far of every node on the cursor's path, in order, and where each node's children start: a
  // node's children become one array of the right size when the cursor leaves them (arrays grown by push are
  // allocated several times over; the copy made a third of a validation's garbage).
  const pending: SyntaxNode[] = [];
  const firstChild: number[] = [];
  try {
    const root = read(null);
    let current = root;
    for (;;) {
      if (cursor.gotoFirstChild()) {
        firstChild.push(pending.length);
        current = read(current);
        pending.push(current);
        continue;
      }
      // A leaf; whether a subtree holds an error is known on the way back up.
      if (hasErrors) current.hasError = current.isMissing || current.type === 'ERROR';
      for (;;) {
        if (cursor.gotoNextSibling()) {
          current = read(current.parent);
          pending.push(current);
          break;
        }
        if (!cursor.gotoParent()) return root;
        const parent = current.parent as SyntaxNode;
        const start = firstChild.pop() as number;
        parent.setChildren(pending.slice(start));
        pending.length = start;
        if (hasErrors) parent.hasError = parent.type === 'ERROR' || parent.isMissing || parent.children.some((child) => child.hasError);
        current = parent;
      }
    }
  } finally {
    cursor.delete();
  }
}
