// The comparison form folds behind "Modifier la comparaison" once a result is shown, so that on a
// phone the result starts in the first screen. On a wide screen there is room for both: unfold it.
// Without script the disclosure simply stays folded and opens on a click.
(function () {
  'use strict';
  if (!window.matchMedia || !window.matchMedia('(min-width: 64rem)').matches) {
    return;
  }

  Array.prototype.forEach.call(document.querySelectorAll('details[data-unfold-wide]'), function (details) {
    details.open = true;
  });
})();
