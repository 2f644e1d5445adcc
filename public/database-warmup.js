// Runs in the panel's <head> (async, beside theme-boot.js), long before the app's modules are
// loaded: opens the database once and closes it at once, so the browser has its backing store
// open by the time the app opens it (Dexie's open, lib/db/open-database.ts, then takes a few ms
// instead of tens). It reads nothing and changes nothing: a database that does not exist yet is
// not created here (the upgrade that would create it is aborted, which removes it again), and a
// connection that is asked to make way for an upgrade closes.
(function () {
  try {
    var request = indexedDB.open('patchbay');
    request.onupgradeneeded = function () {
      request.transaction.abort();
    };
    request.onsuccess = function () {
      request.result.close();
    };
    request.onerror = function (event) {
      // The aborted creation, or no IndexedDB at all: the app opens (and reports) as it always did.
      event.preventDefault();
    };
  } catch (error) {
    // IndexedDB unavailable here: the app's own open says why.
  }
})();
