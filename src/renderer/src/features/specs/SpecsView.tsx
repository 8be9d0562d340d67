// The Specs view: specs are written here, or described in plain words, before code is generated from them.
import { EmptyState } from '../../ui/EmptyState';

export function SpecsView() {
  return (
    <EmptyState icon="specs" title="No specs yet">
      A spec names a function, its parameters, return type and examples. Code and tests are generated from it, validated,
      run in the sandbox and scored before anyone is asked to review them.
    </EmptyState>
  );
}

/** The sidebar beside this view. */
export function SpecsSidebar() {
  return <div className="sidebar-body muted"><p>Specs you write or import appear here, with their versions.</p></div>;
}
