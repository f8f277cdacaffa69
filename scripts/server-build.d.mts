export const serverBuildStamp: string;
export const serverSources: string[];
export const compiledEntry: string;
export function buildServer(options?: { ifNeeded?: boolean }): void;
