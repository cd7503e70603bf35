/**
 * Inline scripts written into pages as they are (`<script is:inline set:html={…}>`): ones that
 * must run before the first paint, where a bundled module runs too late and the page would move.
 * Astro hashes only the scripts it bundles, so astro.config.mjs adds each one's hash to the
 * Content-Security-Policy; keep every such script here, byte for byte what the page carries.
 */

/** Shows the documents' search form (hidden without JavaScript, where the filter links serve). */
export const SHOW_DOCUMENT_SEARCH = "document.getElementById('tim-van-ban').hidden = false;";

/** Shows the procedures' search box (hidden without JavaScript, where the full table serves). */
export const SHOW_PROCEDURE_SEARCH = "document.getElementById('tim-thu-tuc').hidden = false;";

/** Every inline script of the site, for the policy's hashes. */
export const INLINE_SCRIPTS = [SHOW_DOCUMENT_SEARCH, SHOW_PROCEDURE_SEARCH];
