import type { Worker } from 'playwright-core';

/**
 * Reads one record of the extension's own IndexedDB from outside, through the service worker's
 * global scope (the demo and the tests look; nothing is compiled into the product for it).
 */
export async function readExtensionRecord<T>(
  worker: Worker,
  db: string,
  key: IDBValidKey,
): Promise<T | undefined> {
  const read = (arg: (string | number)[]) =>
    new Promise<unknown>((resolve, reject) => {
      const open = indexedDB.open(String(arg[0]));
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const tx = open.result.transaction('records', 'readonly');
        const get = tx.objectStore('records').get(arg[1] as IDBValidKey);
        get.onsuccess = () => resolve((get.result as { data?: unknown } | undefined)?.data);
        get.onerror = () => reject(get.error);
      };
    });
  return (await worker.evaluate(read, [db, key as string | number])) as T | undefined;
}
