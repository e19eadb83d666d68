// The pane's polyfills: the shared ones, and String.prototype.normalize (NFC/NFD of every Vietnamese
// cell), which IE11 lacks and core-js does not provide; the function file normalizes no text.
import './polyfills';
import 'unorm';
