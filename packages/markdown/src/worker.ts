/**
 * A rendering worker for `renderAll`: it builds its processor and Shiki
 * highlighter once, then renders the batches it is sent. It says `ready`
 * once its modules are loaded, so no post waits on a worker that is still
 * starting. It starts with the Shiki patterns its thread has translated
 * (`workerData.translations`) and sends the ones it translates with its
 * results (see shiki-regexes.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerBatch, WorkerResult } from './render-all.js';
import { renderWithKey, type RenderOptions } from './render.js';
import { addTranslations, takeMadeTranslations, type Translations } from './shiki-regexes.js';

addTranslations((workerData as { translations?: Translations } | undefined)?.translations ?? []);

interface Job {
  /** Each with its key (`renderKey`) when `renderAll` has a cache. */
  items: { index: number; source: string; options: RenderOptions; key?: string | undefined }[];
  /** Send the HTML as UTF-8 bytes, moved to the other thread rather than copied as strings. */
  compact?: boolean;
}

const encoder = new TextEncoder();

parentPort?.on('message', async (job: Job) => {
  const results: WorkerResult[] = [];
  const transfer: ArrayBuffer[] = [];
  for (const item of job.items) {
    try {
      const result = await renderWithKey(item.source, item.options, item.key);
      if (job.compact) {
        const { html, excerptHtml, ...rest } = result;
        const bytes = { rest, html: encoder.encode(html), excerptHtml: undefined as Uint8Array | undefined };
        if (excerptHtml !== html) bytes.excerptHtml = encoder.encode(excerptHtml);
        transfer.push(
          bytes.html.buffer as ArrayBuffer,
          ...(bytes.excerptHtml ? [bytes.excerptHtml.buffer as ArrayBuffer] : []),
        );
        results.push({ index: item.index, bytes });
      } else results.push({ index: item.index, result });
    } catch (error) {
      results.push({
        index: item.index,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
    }
  }
  const batch: WorkerBatch = { results, translations: takeMadeTranslations() };
  parentPort?.postMessage(batch, transfer);
});
parentPort?.postMessage('ready');
