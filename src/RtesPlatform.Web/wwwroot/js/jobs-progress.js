// Live progress of the jobs in progress (/reseau/taches): polls /reseau/taches?handler=Etat every 3 s and
// updates each run's <progress> and text; reloads the page when the set of runs changed (one
// finished, another started). Without script, the "Actualiser" link does it.
(function () {
  'use strict';
  var section = document.querySelector('[data-jobs-state]');
  if (!section) {
    return;
  }

  var url = section.getAttribute('data-jobs-state');
  var shown = Array.prototype.map.call(section.querySelectorAll('[data-job-progress]'), function (p) {
    return p.getAttribute('data-job-progress');
  });
  var rows = section.querySelectorAll('tbody tr').length;

  function poll() {
    fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.json();
      })
      .then(function (runs) {
        if (runs.length !== rows) {
          window.location.reload();
          return;
        }
        runs.forEach(function (run) {
          if (shown.indexOf(run.id) < 0 || typeof run.percent !== 'number') {
            return;
          }
          var progress = section.querySelector('[data-job-progress="' + run.id + '"]');
          var text = section.querySelector('[data-job-message="' + run.id + '"]');
          if (progress) {
            progress.value = run.percent;
            progress.textContent = run.percent + ' %';
          }
          if (text) {
            text.textContent = run.percent + '\u00a0%' + (run.message ? ' : ' + run.message : '');
          }
        });
        window.setTimeout(poll, 3000);
      })
      .catch(function () {
        window.setTimeout(poll, 15000);
      });
  }

  window.setTimeout(poll, 3000);
}());
