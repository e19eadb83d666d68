/// <reference types="office-js" />
// Excel.run over the installed fake, typed as the real one for the code under test.

export function excelRun<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return (globalThis as unknown as { Excel: typeof Excel }).Excel.run(batch);
}
