// Runs in the panel's <head>, before the body is parsed: applies the stored theme choice
// (components/ui/theme.ts writes it) so the first paint is already in the chosen theme.
// Anything but "light" or "dark" means System, which theme.css's media query handles.
(function () {
  try {
    var choice = window.localStorage.getItem('patchbay.theme');
    if (choice === 'light' || choice === 'dark') document.documentElement.setAttribute('data-theme', choice);
  } catch (error) {
    // Storage unavailable: the system theme it is.
  }
})();
