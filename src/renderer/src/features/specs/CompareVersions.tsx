// Two versions of a spec side by side in Monaco's diff editor: the spec itself, or the code last generated from each.
import { useEffect, useState } from 'react';
import type { SpecVersionInfo } from '../../../../shared/generation';
import { bridge } from '../../bridge';
import { DiffEditor } from '../../ui/DiffEditor';
import { specText } from './specsState';

export function CompareVersions({ versions, theme }: { versions: SpecVersionInfo[]; theme: 'light' | 'dark' }) {
  const [left, setLeft] = useState<number | null>(null);
  const [right, setRight] = useState<number | null>(null);
  const [what, setWhat] = useState<'spec' | 'code'>('spec');
  const [code, setCode] = useState<{ left: string; right: string }>({ left: '', right: '' });

  const newest = versions[0]?.version ?? null;
  const older = versions[1]?.version ?? newest;
  const leftVersion = versions.find((version) => version.version === (left ?? older));
  const rightVersion = versions.find((version) => version.version === (right ?? newest));

  useEffect(() => {
    if (what !== 'code') return;
    const latestCode = async (version: SpecVersionInfo | undefined): Promise<string> => {
      const artifact = version?.artifacts[0];
      if (!artifact) return '# Not generated from this version yet.\n';
      const reply = await bridge.invoke('artifact.get', { id: artifact.id });
      return reply.ok ? reply.value.code : `# ${reply.error.message}\n`;
    };
    void Promise.all([latestCode(leftVersion), latestCode(rightVersion)]).then(([a, b]) => setCode({ left: a, right: b }));
  }, [what, leftVersion, rightVersion]);

  if (versions.length === 0) return <p className="muted compare-hint">Save or generate the spec to start its version history.</p>;
  const picker = (value: number | undefined, onChange: (version: number) => void, label: string) => (
    <label>
      {label}{' '}
      <select value={value ?? ''} onChange={(event) => onChange(Number(event.target.value))}>
        {versions.map((version) => (
          <option key={version.version} value={version.version}>
            v{version.version} · {version.createdAt.replace('T', ' ').slice(0, 19)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="compare-versions" data-testid="compare-versions">
      <header className="view-toolbar">
        {picker(leftVersion?.version, setLeft, 'From')}
        {picker(rightVersion?.version, setRight, 'To')}
        <label>
          Compare{' '}
          <select value={what} onChange={(event) => setWhat(event.target.value === 'code' ? 'code' : 'spec')}>
            <option value="spec">spec</option>
            <option value="code">generated code</option>
          </select>
        </label>
      </header>
      <DiffEditor
        original={what === 'spec' ? specText(leftVersion?.spec ?? {}) : code.left}
        modified={what === 'spec' ? specText(rightVersion?.spec ?? {}) : code.right}
        language={what === 'spec' ? 'json' : (rightVersion?.spec.language ?? 'python')}
        theme={theme}
        ariaLabel="Compare spec versions"
        testId="spec-diff"
      />
    </div>
  );
}
