// The Review view: generated code that passed its checks waits here for a person's decision.
import { EmptyState } from '../../ui/EmptyState';

export function ReviewView() {
  return (
    <EmptyState icon="review" title="The review queue is empty">
      Generated code that passes validation and its tests waits here. Nothing is committed to a project until a person
      approves it.
    </EmptyState>
  );
}

/** The sidebar beside this view. */
export function ReviewSidebar() {
  return <div className="sidebar-body muted"><p>Artefacts waiting for review appear here.</p></div>;
}
