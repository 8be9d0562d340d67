// The project's files as a collapsible folder tree; clicking a file opens it read-only.
import { useMemo, useState } from 'react';
import { useAppStore } from '../../store';
import { buildFileTree, type TreeNode } from './projectState';

export function FileTree() {
  const files = useAppStore((s) => s.project.files);
  const tree = useMemo(() => buildFileTree(files), [files]);
  if (files.length === 0) return <p className="muted">No indexed files.</p>;
  return (
    <ul className="file-tree" role="tree" aria-label="Project files" data-testid="file-tree">
      {tree.map((node) => (
        <TreeItem key={node.path} node={node} depth={0} />
      ))}
    </ul>
  );
}

function TreeItem({ node, depth }: { node: TreeNode; depth: number }) {
  // Top-level folders start open: a small project is visible at once, a big one stays scannable.
  const [open, setOpen] = useState(depth === 0);
  const openProjectFile = useAppStore((s) => s.openProjectFile);
  const indent = { paddingLeft: `${depth * 12 + 4}px` };
  if (node.folder) {
    return (
      <li role="treeitem" aria-expanded={open}>
        <button type="button" className="tree-row" style={indent} onClick={() => setOpen(!open)}>
          <span className="tree-twisty">{open ? '▾' : '▸'}</span>
          {node.name}
        </button>
        {open && (
          <ul role="group">
            {node.children.map((child) => (
              <TreeItem key={child.path} node={child} depth={depth + 1} />
            ))}
          </ul>
        )}
      </li>
    );
  }
  const file = node.file;
  return (
    <li role="treeitem">
      <button
        type="button"
        className="tree-row"
        style={indent}
        onClick={() => void openProjectFile(node.path)}
        title={file ? `${file.path} · ${file.tier} · ${file.lines.total} lines · ${file.symbols} symbols` : node.path}
      >
        <span className="tree-twisty" />
        <span className={`tier-dot tier-${file?.tier ?? 'trusted'}`} aria-hidden />
        {node.name}
        {file && file.errors > 0 && <span className="error-text"> ({file.errors} error{file.errors > 1 ? 's' : ''})</span>}
      </button>
    </li>
  );
}
