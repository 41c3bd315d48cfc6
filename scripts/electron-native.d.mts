// Types of scripts/electron-native.mjs for the tests.
export interface PrebuiltStep {
  kind: 'prebuilt';
  command: string;
  args: string[];
  cwd: string;
}
export interface SourceStep {
  kind: 'source';
  rebuild: { buildPath: string; electronVersion: string; arch: string; onlyModules: string[]; force: boolean; buildFromSource: boolean };
}
export type NativeBuildStep = PrebuiltStep | SourceStep;
export function nativeBuildSteps(options: { platform: string; arch: string; electronVersion: string; buildPath: string; prebuildInstall: string | null }): NativeBuildStep[];
export function runNativeBuildSteps(
  steps: NativeBuildStep[],
  options: { run: (step: NativeBuildStep) => boolean | Promise<boolean>; binaryPath: string; exists?: (file: string) => boolean; log?: (message: string) => void },
): Promise<NativeBuildStep>;
export function ensureElectronNative(): Promise<string>;
