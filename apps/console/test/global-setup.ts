import type { TestProject } from 'vitest/node';
import { readRules, startStubServer } from './stub-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    stubUrl: string;
  }
}

/** Start the stub server (Access certs + platform workers) once for every test file; stop it after. */
export default async function setup(project: TestProject) {
  const rules = await readRules(new URL('../../../rules', import.meta.url).pathname);
  const stub = await startStubServer(rules);
  project.provide('stubUrl', stub.url);
  return () => stub.close();
}
