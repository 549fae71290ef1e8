// Types for native-abi.mjs (plain Node script; tests import it from TypeScript).
export function probeInNode(file: string, nodePath?: string): { loadedInNode: boolean; errorMessage: string };
export function moduleVersionFromError(message: string | null | undefined): number | null;
export type NativeVerdict = { accept: true } | { accept: false; reason: string };
export function judgeNativeBuild(probe: {
  loadedInNode: boolean;
  errorMessage?: string;
  expectedAbi: number;
  nodeAbi: number;
}): NativeVerdict;
export function looksLikeNetworkFailure(log: string | null | undefined): boolean;
export function failureSentence(outcome: {
  electronMajor: string;
  abi: number;
  logFile: string;
  refusal?: string;
  offline: boolean;
}): string;
