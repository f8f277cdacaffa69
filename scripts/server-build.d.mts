export const serverBuildStamp: string;
export const serverSources: string[];
export const compiledEntry: string;
