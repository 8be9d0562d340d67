// Always mounted: folder drops anywhere on the window, File ▸ Open Folder…, and the index events that keep the Project view current.
import { useEffect, useState, type DragEvent as ReactDragEvent } from 'react';
import { IndexChanged, IndexProgress, IndexWatchProblem } from '../../../../shared/indexing';
import { bridge, bridgeKind } from '../../bridge';
import { useAppStore } from '../../store';
import { folderForDrop } from './projectState';

export function ProjectWindowLayer() {
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    // Events come from the wire: each payload is parsed with its schema before it reaches the store.
    const stop = bridge.on((name, payload) => {
      if (name === 'index.progress') {
        const parsed = IndexProgress.safeParse(payload);
        if (parsed.success) useAppStore.getState().applyIndexProgressEvent(parsed.data);
      } else if (name === 'index.changed') {
        const parsed = IndexChanged.safeParse(payload);
        if (parsed.success) void useAppStore.getState().applyIndexChanged(parsed.data);
      } else if (name === 'index.watchProblem') {
        const parsed = IndexWatchProblem.safeParse(payload);
        if (parsed.success) useAppStore.getState().applyWatchProblem(parsed.data);
      }
    });
    // File ▸ Open Folder… in Electron's application menu: the same dialog and flow as the Project view's button.
    const stopMenu = bridge.onMenuCommand?.((command) => {
      if (command !== 'open-folder') return;
      const store = useAppStore.getState();
      store.showView('project');
      void store.pickAndOpenFolder();
    });
    // Listen on the window: a drop anywhere (sidebar, editor, console) opens the folder.
    let depth = 0;
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') === true;
    const onEnter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth++;
      setDragging(true);
    };
    const onLeave = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onOver = (event: DragEvent) => {
      if (hasFiles(event)) event.preventDefault();
    };
    const onDrop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      openDropped(event);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    return () => {
      stop();
      stopMenu?.();
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
    };
  }, []);

  if (!dragging) return null;
  return (
    <div className="drop-overlay" data-testid="drop-overlay" onDragOver={(event: ReactDragEvent) => event.preventDefault()}>
      <div className="drop-overlay-box">Drop a folder to index it</div>
    </div>
  );
}

function openDropped(event: DragEvent): void {
  const store = useAppStore.getState();
  const item = event.dataTransfer?.items[0];
  const file = event.dataTransfer?.files[0];
  if (!item || !file) return;
  // The browser cannot tell a page where a dropped file lives; only Electron's preload can (webUtils.getPathForFile).
  const path = bridge.pathForFile(file);
  if (!path) {
    store.setProjectError({
      code: 'unavailable',
      message:
        bridgeKind === 'web'
          ? 'A browser does not reveal where a dropped folder lives. Type its path in the Project view and press Open.'
          : 'Cannot tell where the dropped item lives. Drop a folder from the file manager, or type its path.',
    });
    store.showView('project');
    return;
  }
  const entry = item.webkitGetAsEntry();
  store.showView('project');
  void store.openProject(folderForDrop(path, entry?.isDirectory ?? false));
}
