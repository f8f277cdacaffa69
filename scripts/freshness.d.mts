export function newestMtime(paths: string[]): number;
export function isFresh(builtFile: string, sources: string[]): boolean;
