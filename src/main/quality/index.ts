// The quality service's face: assess code or a stored artefact version, keep the report, read reports back.
import { Language } from '../../shared/domain';
import { ArkError } from '../../shared/errors';
import type { AnalyzeRequest, QualityReport, QualityReportSummary } from '../../shared/quality';
import type { QualityRepo } from '../store/qualityRepo';
import { createQualityAnalyzer, type QualityAnalyzer, type QualityAnalyzerOptions } from './analyzer';

export { createQualityAnalyzer, type Analysis, type QualityAnalyzer, type QualityAnalyzerOptions } from './analyzer';

export type QualityService = {
  /** Assesses the code (or the artefact's code) and stores the report: against the artefact version when given one. */
  analyze(request: AnalyzeRequest, signal?: AbortSignal): Promise<QualityReport>;
  report(id: number): QualityReport;
  list(filter: { limit: number; artifactId?: number }): QualityReportSummary[];
  /** Starts the type checker a coming analysis of this language needs, so it is warm by then. */
  warmUp(language: Language): void;
  /** Stops the long-lived type checker; the app calls this on close. */
  close(): Promise<void>;
};

export function createQualityService(deps: { reports: QualityRepo; analyzer?: QualityAnalyzer; options?: QualityAnalyzerOptions }): QualityService {
  const analyzer = deps.analyzer ?? createQualityAnalyzer(deps.options);
  return {
    async analyze(request, signal) {
      if ('artifactId' in request) {
        const artifact = deps.reports.artifactCode(request.artifactId);
        if (!artifact) throw new ArkError('not-found', `There is no artefact ${request.artifactId}.`);
        const language = Language.safeParse(artifact.language);
        if (!language.success) throw new ArkError('invalid-input', `Artefact ${request.artifactId} is ${artifact.language} code, which the quality analyzer does not assess.`);
        const analysis = await analyzer.analyze({ code: artifact.code, language: language.data }, signal);
        return deps.reports.insert(analysis, { artifactId: request.artifactId, path: null });
      }
      const analysis = await analyzer.analyze(request, signal);
      return deps.reports.insert(analysis, { artifactId: null, path: request.filename ?? null });
    },
    report(id) {
      const report = deps.reports.get(id);
      if (!report) throw new ArkError('not-found', `There is no quality report ${id}.`);
      return report;
    },
    list: (filter) => deps.reports.list(filter),
    warmUp: (language) => analyzer.warmUp(language),
    close: () => analyzer.close(),
  };
}
