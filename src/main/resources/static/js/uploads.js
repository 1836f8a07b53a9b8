// Resumable uploads for every <input type="file" data-upload="fieldName">, on the official tus client
// (tus-js-client): each file chosen goes up in pieces to /api/v1/uploads while the form is filled in,
// shows its progress, speed and time left, can be paused and resumed, and survives a dropped line
// (the client retries and resumes from the last byte the server holds) and a page reload (choosing
// the same file again resumes it). The form then sends the uploads' ids in hidden fields named
// fieldName, not the bytes. The texts come from the page (#upload-texts), in the reader's language.
(function () {
  'use strict';
  if (!window.tus || !window.tus.isSupported) {
    return; // the plain file input still works: the form sends the file itself
  }
  var texts = document.getElementById('upload-texts');
  var language = document.documentElement.lang || 'vi';

  function text(key) {
    return (texts && texts.getAttribute('data-' + key)) || key;
  }

  function csrfHeaders() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    var headers = {};
    if (token && header) {
      headers[header.content] = token.content;
    }
    return headers;
  }

  function bytes(n) {
    var units = ['B', 'KB', 'MB', 'GB', 'TB'];
    var i = 0;
    while (n >= 1024 && i < units.length - 1) {
      n /= 1024;
      i++;
    }
    return new Intl.NumberFormat(language, {maximumFractionDigits: i === 0 ? 0 : 1}).format(n) + ' ' + units[i];
  }

  function duration(seconds) {
    if (!isFinite(seconds)) {
      return '…';
    }
    seconds = Math.max(1, Math.round(seconds));
    var h = Math.floor(seconds / 3600);
    var m = Math.floor((seconds % 3600) / 60);
    var s = seconds % 60;
    return (h ? h + ' ' + text('hours') + ' ' : '') + (h || m ? m + ' ' + text('minutes') + ' ' : '') +
        (h ? '' : s + ' ' + text('seconds'));
  }

  function element(tag, className, content) {
    var made = document.createElement(tag);
    if (className) {
      made.className = className;
    }
    if (content) {
      made.textContent = content;
    }
    return made;
  }

  function button(label, action) {
    var made = element('button', 'small', label);
    made.type = 'button';
    made.addEventListener('click', action);
    return made;
  }

  // One file on its way: its row in the list under the input, its hidden id once it is up.
  // The unit the file counts against (the province's quota): the form's unit when it names one.
  function unitOf(form) {
    var unit = form && form.querySelector('[name="unitId"]');
    return unit && unit.value ? unit.value : '';
  }

  // A refusal of the request itself (too large, past the quota, not signed in, another's upload) is
  // final; a conflict of offsets (409) or a busy upload (423) is not.
  function refusedForGood(error) {
    var status = error && error.originalResponse ? error.originalResponse.getStatus() : 0;
    return status >= 400 && status < 500 && status !== 409 && status !== 423;
  }

  function Transfer(file, field, list, onChange, unitId) {
    var row = element('li', 'upload');
    var name = element('span', 'upload-name', file.name);
    var bar = element('progress');
    bar.max = 100;
    bar.value = 0;
    var status = element('span', 'upload-status muted', text('waiting'));
    row.dataset.state = 'waiting';
    var pause = button(text('pause'), function () {
      if (row.dataset.state === 'running') {
        upload.abort();
        setState('paused', text('paused'));
        pause.textContent = text('resume');
      } else if (row.dataset.state === 'paused' || row.dataset.state === 'failed') {
        pause.textContent = text('pause');
        begin();
      }
    });
    var remove = button(text('remove'), function () {
      upload.abort(row.dataset.state !== 'done');
      row.remove();
      onChange();
    });
    var hidden = document.createElement('input');
    hidden.type = 'hidden';
    hidden.name = field;
    hidden.disabled = true;
    row.append(name, bar, status, pause, remove, hidden);
    list.appendChild(row);

    var lastBytes = 0;
    var lastTime = 0;
    var speed = 0; // bytes per second, smoothed

    function setState(state, message) {
      row.dataset.state = state;
      status.textContent = message;
      onChange();
    }

    var upload = new window.tus.Upload(file, {
      endpoint: '/api/v1/uploads',
      chunkSize: 16 * 1024 * 1024,
      retryDelays: [0, 1000, 3000, 5000, 10000, 20000, 30000, 60000],
      metadata: unitId
          ? {filename: file.name, filetype: file.type || 'application/octet-stream', unitid: unitId}
          : {filename: file.name, filetype: file.type || 'application/octet-stream'},
      headers: csrfHeaders(),
      removeFingerprintOnSuccess: true,
      onProgress: function (sent, total) {
        var now = Date.now();
        if (lastTime && now > lastTime) {
          var current = (sent - lastBytes) * 1000 / (now - lastTime);
          speed = speed ? 0.7 * speed + 0.3 * current : current;
        }
        lastBytes = sent;
        lastTime = now;
        bar.value = total ? Math.floor(sent * 100 / total) : 0;
        status.textContent = bytes(sent) + ' / ' + bytes(total) +
            (speed > 0 ? ' · ' + bytes(speed) + '/s · ' + text('left') + ' ' + duration((total - sent) / speed) : '');
      },
      onSuccess: function () {
        hidden.value = upload.url.substring(upload.url.lastIndexOf('/') + 1);
        hidden.disabled = false;
        bar.value = 100;
        pause.remove();
        setState('done', text('done') + ' · ' + bytes(file.size));
      },
      onError: function (error) {
        var answer = error && error.originalResponse;
        var detail = '';
        if (answer) {
          try {
            detail = JSON.parse(answer.getBody()).detail || '';
          } catch (ignored) {
            detail = '';
          }
        }
        if (refusedForGood(error)) {
          // Trying again would be refused again (past the quota, too large): only removing is offered.
          pause.remove();
          setState('refused', text('failed') + (detail ? ': ' + detail : ''));
          return;
        }
        pause.textContent = text('retry');
        setState('failed', text('failed') + (detail ? ': ' + detail : ''));
      },
      onShouldRetry: function (error) {
        return !refusedForGood(error);
      }
    });

    function begin() {
      lastTime = 0;
      setState('running', text('sending'));
      upload.findPreviousUploads().then(function (previous) {
        if (previous.length) {
          upload.resumeFromPreviousUpload(previous[0]);
        }
        upload.start();
      });
    }

    this.resumeIfFailed = function () {
      if (row.dataset.state === 'failed') {
        pause.textContent = text('pause');
        begin();
      }
    };
    begin();
  }

  function setUp(input) {
    var field = input.getAttribute('data-upload');
    var form = input.form;
    var list = element('ul', 'uploads');
    input.insertAdjacentElement('afterend', list);
    // A main file is required unless one is on its way or kept from a form that came back.
    var required = input.required || input.hasAttribute('data-upload-required');
    var transfers = [];

    function changed() {
      var rows = list.querySelectorAll('li');
      // A file on its way stands for the required one; a single file: choosing another replaces it.
      input.required = required && rows.length === 0;
      if (!input.multiple) {
        input.hidden = rows.length > 0;
      }
      if (form) {
        submitWhenUploaded(form);
      }
    }

    input.addEventListener('change', function () {
      if (!input.multiple) {
        list.querySelectorAll('li').forEach(function (row) {
          row.remove();
        });
      }
      Array.prototype.forEach.call(input.files, function (file) {
        transfers.push(new Transfer(file, field, list, changed, unitOf(form)));
      });
      // The bytes go up by tus, not with the form.
      input.value = '';
      changed();
    });
    // Uploads kept by a form that came back with a problem: removable, and replaced like the others.
    var kept = input.parentElement.querySelector('ul.uploads[data-kept-for="' + field + '"]');
    if (kept) {
      kept.querySelectorAll('li').forEach(function (row) {
        row.append(button(text('remove'), function () {
          row.remove();
          changed();
        }));
        list.appendChild(row);
      });
      kept.remove();
      changed();
    }
    window.addEventListener('online', function () {
      transfers.forEach(function (transfer) {
        transfer.resumeIfFailed();
      });
    });
    if (form && !forms.has(form)) {
      forms.add(form);
      // Sent while files are still going up: the form waits for them, then sends itself.
      form.addEventListener('submit', function (event) {
        if (!form.querySelector(BUSY + ', ' + STUCK)) {
          return;
        }
        event.preventDefault();
        event.stopImmediatePropagation();
        if (form.querySelector(STUCK)) {
          window.alert(text('wait'));
          return;
        }
        form.dataset.submitWhenUploaded = 'true';
        // The button pressed says what the form asks for (save, or save and submit): sent with it later.
        if (event.submitter) {
          submitters.set(form, event.submitter);
        }
        form.querySelectorAll('button[type="submit"]').forEach(function (b) {
          b.disabled = true;
        });
        var notice = form.querySelector('.upload-notice') || element('p', 'upload-notice muted');
        notice.textContent = text('sending-after');
        form.querySelector('button[type="submit"]').insertAdjacentElement('afterend', notice);
      }, true);
    }
  }

  var BUSY = 'li.upload[data-state="running"], li.upload[data-state="waiting"]';
  var STUCK = 'li.upload[data-state="paused"], li.upload[data-state="failed"], li.upload[data-state="refused"]';
  var forms = new WeakSet();
  var submitters = new WeakMap();

  function submitWhenUploaded(form) {
    if (form.dataset.submitWhenUploaded !== 'true' || form.querySelector(BUSY)) {
      return;
    }
    delete form.dataset.submitWhenUploaded;
    form.querySelectorAll('button[type="submit"]').forEach(function (b) {
      b.disabled = false;
    });
    var notice = form.querySelector('.upload-notice');
    if (notice) {
      notice.remove();
    }
    if (form.querySelector(STUCK)) {
      window.alert(text('wait'));
    } else {
      var submitter = submitters.get(form);
      submitters.delete(form);
      if (submitter && submitter.form === form) {
        form.requestSubmit(submitter);
      } else {
        form.requestSubmit();
      }
    }
  }

  document.querySelectorAll('input[type="file"][data-upload]').forEach(setUp);
})();
