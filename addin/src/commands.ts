/// <reference types="office-js" />
// The ribbon's function command "Xóa đánh dấu": runs in the hidden function-file page, no pane needed.
import './polyfills'; // first: older engines need it before any other module runs
import { clearHighlights } from './office/highlight';

/** Restores the fills da06 changed; always tells Office it is done, or the ribbon button stays busy. */
export async function clearHighlightsCommand(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await Excel.run((context) => clearHighlights(context));
  } catch {
    // A function command has nowhere to show an error; the pane's own button reports one.
  } finally {
    event.completed();
  }
}

// Older hosts look the function up by the manifest's <FunctionName> on the page's global object.
(globalThis as unknown as Record<string, unknown>).clearHighlights = clearHighlightsCommand;

Office.onReady(() => {
  try {
    Office.actions.associate('clearHighlights', clearHighlightsCommand);
  } catch {
    // Office.actions is missing before Office 2021; the global function above serves those.
  }
});
