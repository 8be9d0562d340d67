// The Project view: where a developer starts, by dropping or opening a project folder.
import { EmptyState } from '../../ui/EmptyState';

export function ProjectView() {
  return (
    <EmptyState icon="drop" title="Drop a project folder here" testId="project-empty">
      The workbench indexes every file, function and class of a Python or TypeScript project, so generated code knows what
      already exists and where it belongs.
    </EmptyState>
  );
}

/** The sidebar beside this view. */
export function ProjectSidebar() {
  return <div className="sidebar-body muted"><p>No project open. Drop a folder on the window to index it.</p></div>;
}
