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
