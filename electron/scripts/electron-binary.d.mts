// Types for electron-binary.mjs (plain Node script; tests import it from TypeScript).
export function electronPlatformPath(platform: string): string;
export function locateElectronBinary(options: {
  electronDir: string;
  env?: Record<string, string | undefined>;
  platform?: string;
  exists?: (path: string) => boolean;
  readText?: (path: string) => string;
}): { path: string | null; present: boolean };
