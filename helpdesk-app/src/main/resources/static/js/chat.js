// Web chat: the server streams hello / state / message / typing events; the page posts lines, "typing" and "end".
(function () {
  var root = document.getElementById('chat');
  if (!root || !window.EventSource) {
    return;
  }
  var log = document.getElementById('chat-log');
  var form = document.getElementById('chat-form');
  var box = document.getElementById('chat-text');
  var typing = document.getElementById('chat-typing');
  var stateText = document.getElementById('chat-state');
  var error = document.getElementById('chat-error');
  var csrf = form.querySelector('input[name="_csrf"]');
  var seen = {};
  var typingTimer = null;
  var lastTyping = 0;

  function post(url, fields) {
    var body = new URLSearchParams(fields || {});
    if (csrf) {
      body.set('_csrf', csrf.value);
    }
    return fetch(url, {method: 'POST', body: body, credentials: 'same-origin', headers: {'Accept': 'application/json'}})
      .then(function (response) {
        if (response.ok) {
          error.hidden = true;
          return response;
        }
        return response.json().then(function (problem) { throw new Error(problem.detail || response.status); });
      })
      .catch(function (e) { error.textContent = e.message; error.hidden = false; throw e; });
  }

  function closed() {
    root.dataset.state = 'CLOSED';
    box.disabled = true;
    document.getElementById('chat-send').disabled = true;
    document.getElementById('chat-close').disabled = true;
  }

  var source = new EventSource(root.dataset.stream);
  source.addEventListener('hello', function () { root.dataset.live = 'open'; });
  source.addEventListener('state', function (event) {
    var s = JSON.parse(event.data);
    stateText.textContent = s.state === 'CLOSED' ? root.dataset.closedText : s.label;
    root.dataset.state = s.state;
    if (s.state === 'CLOSED') {
      closed();
      source.close();
    }
  });
  source.addEventListener('message', function (event) {
    var m = JSON.parse(event.data);
    if (seen[m.id]) {
      return;
    }
    seen[m.id] = true;
    var item = document.createElement('li');
    item.className = 'chat-line chat-' + m.side.toLowerCase() + (m.side === root.dataset.side ? ' mine' : '');
    item.dataset.id = m.id;
    var at = document.createElement('span');
    at.className = 'at';
    at.textContent = m.at.substring(0, 5);
    item.appendChild(at);
    if (m.author) {
      var who = document.createElement('strong');
      who.textContent = m.author + ': ';
      item.appendChild(who);
    }
    var text = document.createElement('span');
    text.className = 'body';
    text.textContent = m.body;
    item.appendChild(text);
    log.appendChild(item);
    item.scrollIntoView({block: 'nearest'});
    if (m.side !== root.dataset.side) {
      typing.hidden = true;
    }
  });
  source.addEventListener('typing', function () {
    typing.hidden = false;
    clearTimeout(typingTimer);
    typingTimer = setTimeout(function () { typing.hidden = true; }, 4000);
  });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = box.value.trim();
    if (!text) {
      return;
    }
    post(form.action, {body: text}).then(function () { box.value = ''; box.focus(); }, function () {});
  });
  box.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  box.addEventListener('input', function () {
    var now = Date.now();
    if (now - lastTyping > 2000 && box.value.trim()) {
      lastTyping = now;
      post(root.dataset.typing).catch(function () {});
    }
  });
  document.getElementById('chat-close').addEventListener('click', function () {
    post(root.dataset.close).then(closed, function () {});
  });
  window.addEventListener('beforeunload', function () { source.close(); });

  function insert(text) {
    box.value = box.value.trim() ? box.value.replace(/\s*$/, '\n') + text : text;
    box.focus();
  }
  var templateButton = document.getElementById('chat-insert-template');
  if (templateButton) {
    templateButton.addEventListener('click', function () {
      var select = document.getElementById('chat-template');
      fetch(select.dataset.url + '?template=' + encodeURIComponent(select.value), {credentials: 'same-origin'})
        .then(function (r) { return r.ok ? r.text() : ''; })
        .then(function (text) { if (text) { insert(text); } });
    });
  }
  var kb = document.getElementById('chat-kb');
  if (kb) {
    var hits = document.getElementById('chat-kb-hits');
    kb.addEventListener('submit', function (event) {
      event.preventDefault();
      var q = document.getElementById('chat-kb-q').value;
      fetch(kb.dataset.url + '?q=' + encodeURIComponent(q), {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (list) {
          hits.innerHTML = '';
          if (!list.length) {
            var none = document.createElement('li');
            none.className = 'hint';
            none.textContent = hits.dataset.none;
            hits.appendChild(none);
          }
          list.forEach(function (hit) {
            var plain = new DOMParser().parseFromString(hit.snippet || '', 'text/html').body.textContent;
            var item = document.createElement('li');
            item.className = 'kb-hit';
            var title = document.createElement('strong');
            title.textContent = hit.title + ' ';
            var button = document.createElement('button');
            button.type = 'button';
            button.className = 'secondary insert-answer';
            button.textContent = hits.dataset.insert;
            button.addEventListener('click', function () { insert(hit.title + '\n' + plain); });
            var snippet = document.createElement('p');
            snippet.textContent = plain;
            item.appendChild(title);
            item.appendChild(button);
            item.appendChild(snippet);
            hits.appendChild(item);
          });
        });
    });
  }
})();
