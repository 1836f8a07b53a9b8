// Hands a document's signature to the desktop signing plug-in on this computer and shows its answer.
// The page asks the server for the plug-in's request (one-time download address, upload handler and
// token, where the signature shows), sends it to the plug-in's local secure WebSocket, and waits for
// the plug-in's answer: Status 0 when the server kept the signed file, else the server's reason.
(function () {
  var root = document.getElementById('plugin-signing');
  if (!root) {
    return;
  }
  var status = document.getElementById('plugin-status');
  var requestBox = document.getElementById('plugin-request-box');
  var requestView = document.getElementById('plugin-request');
  var button = document.getElementById('plugin-start');

  function say(key, detail, kind) {
    var text = root.getAttribute('data-msg-' + key) || key;
    status.textContent = detail ? text + ' ' + detail : text;
    status.className = 'alert ' + (kind || 'info');
    status.hidden = false;
  }

  function csrfHeaders() {
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      headers[header.content] = token.content;
    }
    return headers;
  }

  // The request as shown on the page: the images are long, their size says enough.
  function shown(request) {
    var copy = JSON.parse(JSON.stringify(request));
    if (copy.Signature && copy.Signature.Image) {
      copy.Signature.Image = '(PNG, ' + copy.Signature.Image.length + ' base64)';
    }
    return JSON.stringify(copy, null, 2);
  }

  function reloadSignatures() {
    if (window.htmx) {
      window.htmx.ajax('GET', root.getAttribute('data-signatures-url'), '#plugin-signatures');
    }
  }

  function talkToPlugin(start) {
    var opened = false;
    var answered = false;
    var socket;
    say('connecting');
    try {
      socket = new WebSocket(root.getAttribute('data-plugin-url'));
    } catch (e) {
      say('not-running', null, 'error');
      return;
    }
    socket.onopen = function () {
      opened = true;
      say('waiting');
      socket.send(JSON.stringify({ Operation: start.operation, Parameters: JSON.stringify(start.request) }));
    };
    socket.onmessage = function (event) {
      answered = true;
      var answer;
      try {
        answer = JSON.parse(event.data);
      } catch (e) {
        answer = { Status: -1, Message: String(event.data) };
      }
      if (answer.Status === 0) {
        say('signed', answer.Message, 'info');
        reloadSignatures();
      } else {
        say('refused', answer.Message, 'error');
      }
      button.disabled = false;
      socket.close();
    };
    socket.onerror = function () {
      if (!opened) {
        say('not-running', null, 'error');
        button.disabled = false;
      }
    };
    socket.onclose = function () {
      if (!opened) {
        say('not-running', null, 'error');
      } else if (!answered) {
        say('failed', null, 'error');
      }
      button.disabled = false;
    };
  }

  button.addEventListener('click', function () {
    button.disabled = true;
    say('starting');
    fetch(root.getAttribute('data-start-url'), {
      method: 'POST',
      credentials: 'same-origin',
      headers: csrfHeaders(),
      body: JSON.stringify({ kind: root.getAttribute('data-kind') })
    }).then(function (response) {
      return response.json().catch(function () {
        return { detail: response.status + ' ' + response.statusText };
      }).then(function (body) {
        return { ok: response.ok, body: body };
      });
    }).then(function (result) {
      if (!result.ok) {
        say('refused', result.body.detail, 'error');
        button.disabled = false;
        return;
      }
      requestView.textContent = shown(result.body.request);
      requestBox.hidden = false;
      talkToPlugin(result.body);
    }).catch(function () {
      say('failed', null, 'error');
      button.disabled = false;
    });
  });
  button.disabled = false;
})();
