// Domain schemas shared by main and renderer: the vocabulary of the contract. No node:*, DOM or electron here.
import { z } from 'zod';

/** Trust tiers, from most restricted (generated code) to least (the project's own core). */
export const Tier = z.enum(['sandbox', 'testing', 'trusted', 'core']);
export type Tier = z.infer<typeof Tier>;

/** Languages the workbench indexes, validates and generates. */
export const Language = z.enum(['python', 'typescript', 'javascript']);
export type Language = z.infer<typeof Language>;

/** How strongly the sandbox isolates a run on this machine (reported honestly, per run). */
export const IsolationLevel = z.enum(['namespaces', 'limits-only']);
export type IsolationLevel = z.infer<typeof IsolationLevel>;
