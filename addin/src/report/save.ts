// Hands bytes made in the pane to the user as a file: the browser's own save (a download), as task
// panes have no file system. Internet Explorer 11 and EdgeHTML save a Blob with msSaveOrOpenBlob.

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

type SavingNavigator = Navigator & { msSaveOrOpenBlob?: (blob: Blob, name: string) => boolean };

export function saveFile(bytes: Uint8Array, name: string, type: string): void {
  const blob = new Blob([bytes as BlobPart], { type });
  const navigator = window.navigator as SavingNavigator;
  if (typeof navigator.msSaveOrOpenBlob === 'function') {
    navigator.msSaveOrOpenBlob(blob, name);
    return;
  }
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  document.body.removeChild(link);
  // Not at once: some engines read the Blob after click() has returned.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
