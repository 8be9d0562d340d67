// Live validation for an editor: validates ~250 ms after the last change, and turns the report into markers and jumps.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Language, Tier } from '../../../../shared/domain';
import type { Finding } from '../../../../shared/validation';
import { useAppStore } from '../../store';
import { findingsToMarkers, scratchFilename } from './validationState';

/**
 * 250 ms: long enough that a burst of typing sends one request, short enough that markers appear while the developer
 * is still looking at the line (validation itself takes a few ms warm, see docs/performance.md).
 */
export const liveValidationDelayMs = 250;

export function useLiveValidation(code: string, language: Language, tier: Tier) {
  const { report, status, error } = useAppStore(useShallow((s) => ({ report: s.validation.report, status: s.validation.status, error: s.validation.error })));
  const validateLive = useAppStore((s) => s.validateLive);
  const [revealLine, setRevealLine] = useState<{ line: number; column: number; nonce: number } | undefined>(undefined);

  useEffect(() => {
    const timer = setTimeout(() => void validateLive({ code, language, tier, filename: scratchFilename(language) }), liveValidationDelayMs);
    return () => clearTimeout(timer);
  }, [code, language, tier, validateLive]);

  const markers = useMemo(() => findingsToMarkers(report?.findings ?? []), [report]);
  const reveal = useCallback((finding: Finding) => setRevealLine((last) => ({ line: finding.line, column: finding.column, nonce: (last?.nonce ?? 0) + 1 })), []);
  return { report, status, error, markers, revealLine, reveal };
}
