// Live progress of a legacy import run (/reseau/import/{id}): polls the run's state every 2 s,
// updates the <progress> and the polite live status line, and reloads the page once the run is
// finished so that the server renders the kept report. Without script, the "Actualiser" link does.
(function () {
  'use strict';
  var section = document.querySelector('[data-import-state]');
  if (!section || section.getAttribute('data-import-finished') === 'true') {
    return;
  }

  var url = section.getAttribute('data-import-state');
  var progress = document.getElementById('import-progress');
  var status = document.getElementById('import-status');
  var refresh = document.getElementById('import-refresh');
  if (refresh) {
    refresh.hidden = true;
  }

  var lastMessage = status ? status.textContent : '';

  function show(state) {
    if (progress && typeof state.total === 'number') {
      progress.max = state.total;
      progress.value = state.done;
      progress.textContent = state.progress;
    }

    // Only a changed message is written, so screen readers announce changes, not every poll.
    if (status && state.message !== lastMessage) {
      status.textContent = state.message;
      lastMessage = state.message;
    }
  }

  function poll() {
    fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.json();
      })
      .then(function (state) {
        show(state);
        if (state.finished) {
          window.setTimeout(function () { window.location.reload(); }, 1000);
        } else {
          window.setTimeout(poll, 2000);
        }
      })
      .catch(function () {
        // Network hiccup or session expired: give the link back and keep trying, more slowly.
        if (refresh) {
          refresh.hidden = false;
        }
        window.setTimeout(poll, 10000);
      });
  }

  window.setTimeout(poll, 2000);
})();
