// A plain-JavaScript copy of a tree-sitter tree, read once with a TreeCursor, that the validator's rules walk.
//
// Why: every accessor of a web-tree-sitter Node (type, childForFieldName, namedChildren, text …) is a call into the
// parser's WebAssembly that allocates fresh Node objects, and the rules ask the same questions of the same nodes many
// times (a 300-line file cost ~15 000 such calls, half of our rules' time). Here each node is visited once, with the
// cursor (no Node objects), and everything after that is ordinary property access. Text and line/column positions are
// derived from the source string on demand, exactly as tree-sitter counts them. The copy itself still costs about as
// much as the parse (6–7 cursor calls per node): it is the larger part of a warm validation now (docs/performance.md).
import type { Tree } from 'web-tree-sitter';

/** A point in the source: 0-based row and column (UTF-16 code units, as tree-sitter reports for string input). */
export type Point = { row: number; column: number };

/** Where lines start in one source string, to turn a code-unit index into a row and column. */
class LineIndex {
  private starts: number[] | null = null;

  constructor(private readonly source: string) {}

  point(index: number): Point {
    const starts = (this.starts ??= lineStarts(this.source));
    // The last line start at or before `index` (binary search).
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] as number) <= index) low = middle;
      else high = middle - 1;
    }
    return { row: low, column: index - (starts[low] as number) };
  }
}

// Tree-sitter starts a new row after each '\n' only (a lone '\r' is part of the line), so the same is done here.
function lineStarts(source: string): number[] {
  const starts = [0];
  for (let index = source.indexOf('\n'); index >= 0; index = source.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

const noChildren: SyntaxNode[] = [];

/** One syntax node: the subset of web-tree-sitter's Node the validator uses, as plain data. */
export class SyntaxNode {
  // Shared, not copied per call as web-tree-sitter's are: read-only for the rules. Leaves (most nodes) share one empty
  // list until a first child arrives.
  private childList: SyntaxNode[] = noChildren;
  private namedChildList: SyntaxNode[] = noChildren;
  /** The field this node fills in its parent (`left`, `body` …), or null. */
  readonly field: string | null;
  startIndex = 0;
  endIndex = 0;
  isMissing = false;
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

  addChild(child: SyntaxNode): void {
    if (this.childList === noChildren) this.childList = [];
    this.childList.push(child);
    if (!child.isNamed) return;
    if (this.namedChildList === noChildren) this.namedChildList = [];
    this.namedChildList.push(child);
  }

  /** The first child in `field`, like tree-sitter's childForFieldName. */
  childForFieldName(field: string): SyntaxNode | null {
    for (const child of this.childList) if (child.field === field) return child;
    return null;
  }

  /** Every child in `field`, in order. */
  childrenForFieldName(field: string): SyntaxNode[] {
    return this.childList.filter((child) => child.field === field);
  }
}

/**
 * Copies `tree` (parsed from `source`) into SyntaxNodes. The walk is iterative: hostile nesting must not overflow the
 * stack. The WebAssembly tree can be deleted afterwards.
 */
export function readSyntaxTree(tree: Tree, source: string): SyntaxNode {
  const language = tree.language;
  const types = language.types;
  const fields = language.fields;
  // Whether a type is named depends on the type alone: asked once per type, not once per node.
  const namedTypes: Array<boolean | undefined> = [];
  const isNamedType = (typeId: number): boolean => (namedTypes[typeId] ??= language.nodeTypeIsNamed(typeId));
  const lines = new LineIndex(source);
  // Whether a node is MISSING is one more call per node; only a tree with errors needs it asked.
  const hasErrors = tree.rootNode.hasError;
  const cursor = tree.walk();
  let nextId = 0;
  const read = (parent: SyntaxNode | null): SyntaxNode => {
    const typeId = cursor.nodeTypeId;
    const field = parent ? (fields[cursor.currentFieldId] ?? null) : null;
    // Like web-tree-sitter's Node.type: an unnamed id reads as ERROR.
    const node = new SyntaxNode(nextId++, types[typeId] || 'ERROR', isNamedType(typeId), field, parent, source, lines);
    // Ranges are read for every node: an inner node may end past its last visible child (a block ends with a hidden
    // dedent token), so they cannot be derived from the children.
    node.startIndex = cursor.startIndex;
    node.endIndex = cursor.endIndex;
    if (hasErrors) node.isMissing = cursor.nodeIsMissing;
    return node;
  };
  try {
    const root = read(null);
    let current = root;
    for (;;) {
      if (cursor.gotoFirstChild()) {
        const child = read(current);
        current.addChild(child);
        current = child;
        continue;
      }
      // A leaf; whether a subtree holds an error is known on the way back up.
      if (hasErrors) current.hasError = current.isMissing || current.type === 'ERROR';
      for (;;) {
        if (cursor.gotoNextSibling()) {
          const parent = current.parent as SyntaxNode;
          current = read(parent);
          parent.addChild(current);
          break;
        }
        if (!cursor.gotoParent()) return root;
        const parent = current.parent as SyntaxNode;
        if (hasErrors) parent.hasError = parent.type === 'ERROR' || parent.isMissing || parent.children.some((child) => child.hasError);
        current = parent;
      }
    }
  } finally {
    cursor.delete();
  }
}
