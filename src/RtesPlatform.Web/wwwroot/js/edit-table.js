// Rows edited as tables (/espace/{slug}/panorama, budget, actions, mise-a-jour). After a row is
// added, removed or carried to the next year, the server redraws the form with the row's input
// marked autofocus and the address pointing at the row's anchor, where the page reloads without
// script. Browsers skip autofocus when the address has an anchor: focus the input here.
(function () {
  'use strict';
  var target = document.querySelector('.edit-table [autofocus]');
  if (target) {
    target.focus();
  }
})();
