// Screen pop: the server says which call changed (JSON); the page fetches that call's pop into #call-pop.
(function () {
  var panel = document.getElementById('call-pop');
  if (!panel || !window.EventSource) {
    return;
  }
  var source = new EventSource(panel.dataset.stream);
  source.addEventListener('hello', function () { panel.dataset.live = 'open'; });
  source.addEventListener('call', function (event) {
    // {"callId":…,"state":…,"desk":…}: the same bytes go to every page the call pops on; the pop itself is per agent
    var callId = JSON.parse(event.data).callId;
    var url = panel.dataset.pop.replace('CALL', encodeURIComponent(callId));
    fetch(url, {headers: {'HX-Request': 'true'}, credentials: 'same-origin'})
      .then(function (response) { return response.ok ? response.text() : ''; })
      .then(function (html) {
        if (html) {
          panel.innerHTML = html;
          panel.dataset.call = callId;
          if (window.htmx) {
            window.htmx.process(panel); // panels of other modules in the pop load themselves (the HR panel)
          }
        }
      });
  });
  window.addEventListener('beforeunload', function () { source.close(); });
})();
