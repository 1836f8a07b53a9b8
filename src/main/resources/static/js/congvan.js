// Sends the CSRF token with every htmx request.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// Asks before sending a form that cannot be undone (data-confirm holds the localized question).
// A form posted once is not posted again while its answer is on the way: a double click or a
// second press changes nothing twice. htmx's own requests and forms opening elsewhere are left alone.
document.addEventListener('submit', function (event) {
  var form = event.target;
  if (!form.getAttribute) {
    return;
  }
  var submitter = event.submitter;
  // A button may ask for itself, when only it (of the form's buttons) cannot be undone.
  var question = (submitter && submitter.getAttribute('data-confirm')) || form.getAttribute('data-confirm');
  if (question && !window.confirm(question)) {
    event.preventDefault();
    return;
  }
  if (event.defaultPrevented || (form.getAttribute('method') || '').toLowerCase() !== 'post'
      || form.hasAttribute('target') || form.hasAttribute('hx-post')
      || (submitter && submitter.hasAttribute('hx-post'))) {
    return;
  }
  if (form.hasAttribute('data-sending')) {
    event.preventDefault();
    return;
  }
  form.setAttribute('data-sending', '');
});

// A button that asks before it sends comes disabled from the server (data-awaits-script): pressed
// before this script listened, it would send unasked, and twice on a double click. It is enabled now
// that the question will be asked.
(function () {
  function enable(root) {
    var buttons = Array.prototype.slice.call(root.querySelectorAll('button[data-awaits-script]'));
    if (root.matches && root.matches('button[data-awaits-script]')) {
      buttons.push(root);
    }
    buttons.forEach(function (button) {
      button.removeAttribute('data-awaits-script');
      button.disabled = false;
    });
  }
  enable(document);
  // Sections loaded after the page (the document's signing section) bring theirs.
  document.addEventListener('htmx:load', function (event) {
    enable(event.detail.elt);
  });
})();

// A page shown again from the browser's history takes its forms back.
window.addEventListener('pageshow', function () {
  document.querySelectorAll('form[data-sending]').forEach(function (form) {
    form.removeAttribute('data-sending');
  });
});

// Page behaviour lives here, not in the templates: the Content-Security-Policy allows no inline
// script nor on* handler attribute.
document.addEventListener('change', function (event) {
  var field = event.target;
  if (!field.getAttribute) {
    return;
  }
  // data-reload-with="unitId": opens the same page again for the value chosen (the form depends on it).
  var parameter = field.getAttribute('data-reload-with');
  if (parameter) {
    window.location = '?' + encodeURIComponent(parameter) + '=' + encodeURIComponent(field.value);
  } else if (field.hasAttribute('data-submit-on-change') && field.form) {
    field.form.submit();
  }
});

// data-fill="deadline" data-value="15/12/2026": the button writes its value into the form's field.
document.addEventListener('click', function (event) {
  var button = event.target.closest ? event.target.closest('button[data-fill]') : null;
  if (!button || !button.form) {
    return;
  }
  var field = button.form.elements[button.getAttribute('data-fill')];
  if (field) {
    field.value = button.getAttribute('data-value');
    field.dispatchEvent(new Event('change', { bubbles: true }));
  }
});

// A day typed as people write it (data-mask="__/__/____", with the time "__/__/____ __:__"): a phone's
// number pad has no slash, so each separator is put in once the digits before it are typed, and one
// typed again right after it is let go. 5/1/2027, typed with its own slashes, is left as it is; eight
// digits pasted at once are laid out.
document.addEventListener('input', function (event) {
  var field = event.target;
  if (!field.hasAttribute || !field.hasAttribute('data-mask') || (event.inputType || '').indexOf('insert') !== 0
      || field.selectionStart !== field.value.length) {
    return;
  }
  var mask = field.getAttribute('data-mask');
  var runs = mask.split(/[^_]/);
  var separators = mask.replace(/_/g, '');
  var value = field.value;
  if (/[^0-9][^0-9]$/.test(value)) {
    field.value = value.slice(0, -1);
    return;
  }
  if (/^[0-9]+$/.test(value) && value.length === mask.replace(/[^_]/g, '').length) {
    var laid = '';
    runs.forEach(function (run, i) {
      var from = laid.replace(/[^0-9]/g, '').length;
      laid += value.slice(from, from + run.length) + separators.charAt(i);
    });
    field.value = laid;
    return;
  }
  var typed = value.split(/[^0-9]/);
  var at = typed.length - 1;
  if (at < separators.length && typed[at].length === runs[at].length) {
    field.value = value + separators.charAt(at);
  }
});

// A form marked data-keep keeps what was entered when the step is refused: its fields are noted
// when it is sent and put back once the page that says why is shown; a step taken forgets them.
(function () {
  function key(form) {
    return 'kept:' + window.location.pathname + ':' + form.id;
  }
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.hasAttribute || !form.hasAttribute('data-keep') || event.defaultPrevented) {
      return;
    }
    var fields = [];
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || field.type === 'hidden' || field.type === 'file' || field.type === 'submit') {
        return;
      }
      if (field.type === 'checkbox' || field.type === 'radio') {
        if (field.checked) {
          fields.push([field.name, field.value]);
        }
      } else {
        fields.push([field.name, field.value]);
      }
    });
    sessionStorage.setItem(key(form), JSON.stringify(fields));
  });
  function restore(root) {
    var forms = root.querySelectorAll ? root.querySelectorAll('form[data-keep]') : [];
    Array.prototype.forEach.call(forms, function (form) {
      var kept = sessionStorage.getItem(key(form));
      if (!kept) {
        return;
      }
      sessionStorage.removeItem(key(form));
      if (!document.getElementById('step-problem')) {
        return;
      }
      JSON.parse(kept).forEach(function (pair) {
        Array.prototype.forEach.call(form.elements, function (field) {
          if (field.name !== pair[0]) {
            return;
          }
          if (field.type === 'checkbox' || field.type === 'radio') {
            if (field.value === pair[1]) {
              field.checked = true;
            }
          } else {
            field.value = pair[1];
          }
        });
      });
    });
  }
  document.addEventListener('DOMContentLoaded', function () {
    if (!document.getElementById('step-problem')) {
      var prefix = 'kept:' + window.location.pathname + ':';
      Object.keys(sessionStorage).forEach(function (name) {
        if (name.indexOf(prefix) === 0) {
          sessionStorage.removeItem(name);
        }
      });
    }
    restore(document);
  });
  document.addEventListener('htmx:load', function (event) {
    restore(event.detail.elt);
  });
})();

// The app on a phone's home screen: the service worker keeps the shell and the last "my work" page
// readable offline; the banner says when the line is down and what is shown is the last one loaded.
(function () {
  if ('serviceWorker' in navigator) {
    window.addEventListener('load', function () {
      navigator.serviceWorker.register('/sw.js').catch(function () {
        // Without it the pages work as before, only not offline.
      });
    });
  }
  function show() {
    var banner = document.getElementById('offline-banner');
    if (banner) {
      banner.hidden = navigator.onLine;
    }
  }
  window.addEventListener('online', show);
  window.addEventListener('offline', show);
  document.addEventListener('DOMContentLoaded', show);
})();

// A field with suggestions (a datalist) that fills another: picking a suggestion, the named field
// takes the suggestion's data-code (an arrival's issuer and its code); typed text leaves it alone.
(function () {
  document.addEventListener('change', function (event) {
    var field = event.target;
    if (!field.matches || !field.matches('input[list][data-fills]') || !field.form) {
      return;
    }
    var list = document.getElementById(field.getAttribute('list'));
    var target = field.form.elements[field.getAttribute('data-fills')];
    if (!list || !target) {
      return;
    }
    var picked = Array.prototype.find.call(list.options, function (option) {
      return option.value === field.value;
    });
    if (picked && picked.getAttribute('data-code')) {
      target.value = picked.getAttribute('data-code');
    }
  });
})();

// A choice that depends on another field (data-options-of="unitId"): only the group of options whose
// data-option-of is that field's value can be chosen (the receiving unit's leaders); a choice of
// another group is let go when the field changes.
(function () {
  function narrow(select) {
    var field = select.form && select.form.elements[select.getAttribute('data-options-of')];
    if (!field) {
      return;
    }
    select.querySelectorAll('optgroup[data-option-of]').forEach(function (group) {
      var mine = group.getAttribute('data-option-of') === field.value;
      group.hidden = !mine;
      group.disabled = !mine;
    });
    var chosen = select.options[select.selectedIndex];
    if (chosen && chosen.parentElement.disabled) {
      select.value = '';
    }
  }
  document.addEventListener('change', function (event) {
    var field = event.target;
    if (!field.form || !field.name) {
      return;
    }
    field.form.querySelectorAll('select[data-options-of="' + field.name + '"]').forEach(narrow);
  });
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('select[data-options-of]').forEach(narrow);
  });
})();

// A picker of recipients: a search box that narrows every group to what matches (without accents,
// as people type on a phone), a box that ticks a whole group, and a count of what is chosen.
(function () {
  function plain(text) {
    return (text || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
  }
  function count(picker) {
    var out = picker.querySelector('.picker-count');
    if (!out) {
      return;
    }
    var n = picker.querySelectorAll('.picker-choices input:checked').length;
    out.textContent = n === 0 ? out.getAttribute('data-none') : out.getAttribute('data-some').replace('{0}', n);
  }
  function narrow(search) {
    var picker = search.closest('[data-picker]');
    // Every word typed, in any order, anywhere in the name or the code.
    var words = plain(search.value).split(/[\s,.;]+/).filter(function (w) { return w !== ''; });
    picker.querySelectorAll('.picker-group').forEach(function (group) {
      var shown = 0;
      group.querySelectorAll('.picker-choices label').forEach(function (label) {
        var text = plain(label.getAttribute('data-search'));
        var match = words.every(function (w) { return text.indexOf(w) >= 0; });
        label.hidden = !match;
        shown += match ? 1 : 0;
      });
      group.hidden = shown === 0;
      if (words.length > 0 && shown > 0) {
        group.open = true;
      }
    });
  }
  document.addEventListener('input', function (event) {
    var search = event.target;
    if (search.matches && search.matches('[data-picker] .picker-search')) {
      narrow(search);
    }
  });
  document.addEventListener('change', function (event) {
    var box = event.target;
    if (!box.closest || !box.closest('[data-picker]')) {
      return;
    }
    var picker = box.closest('[data-picker]');
    if (box.matches('.picker-all-box')) {
      // The whole group, or what the search shows of it.
      box.closest('.picker-group').querySelectorAll('.picker-choices label:not([hidden]) input').forEach(function (input) {
        input.checked = box.checked;
      });
    }
    count(picker);
  });
  // What was typed before this script ran (a slow line, a page restored by the back button)
  // narrows the list too: its input event found no one listening.
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-picker]').forEach(count);
    document.querySelectorAll('[data-picker] .picker-search').forEach(function (search) {
      if (search.value !== '') {
        narrow(search);
      }
    });
  });
})();

// The wait for a signature the official confirms on the phone (PKI SIM): the time left counts down,
// the server is asked every few seconds, and once the signature no longer waits the page is loaded
// again: it leads to the signed document, or says why nothing was signed. The server's answer sets
// the clock again at each ask, so a tab the phone's browser put to sleep shows the right time.
(function () {
  var ASK_EVERY = 2000;
  document.addEventListener('DOMContentLoaded', function () {
    var panel = document.getElementById('remote-wait');
    var clock = document.getElementById('remote-time-left');
    if (!panel || !clock || !window.fetch) {
      return;
    }
    var url = panel.getAttribute('data-status-url');
    var endsAt = Date.now() + 1000 * parseInt(panel.getAttribute('data-seconds-left') || '0', 10);
    function show() {
      var left = Math.max(0, Math.round((endsAt - Date.now()) / 1000));
      var seconds = left % 60;
      clock.textContent = Math.floor(left / 60) + ':' + (seconds < 10 ? '0' : '') + seconds;
    }
    var ticking = window.setInterval(show, 1000);
    function ask() {
      fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' })
        .then(function (response) {
          var json = (response.headers.get('Content-Type') || '').indexOf('json') >= 0;
          if (response.status >= 500) {
            throw { reload: false };
          }
          if (!response.ok || !json) {
            // Refused (rights lost) or led to the sign-in form: the page, loaded again, says why.
            throw { reload: true };
          }
          return response.json();
        })
        .then(function (status) {
          if (status.state !== 'PENDING') {
            window.clearInterval(ticking);
            window.location.replace(window.location.pathname);
            return;
          }
          endsAt = Date.now() + 1000 * status.secondsLeft;
          show();
          window.setTimeout(ask, ASK_EVERY);
        })
        .catch(function (problem) {
          if (problem && problem.reload) {
            window.location.replace(window.location.pathname);
          } else {
            // The line dropped: ask again a little later; the phone's answer is kept on the server.
            window.setTimeout(ask, 2 * ASK_EVERY);
          }
        });
    }
    window.setTimeout(ask, ASK_EVERY);
  });
})();

// The new draft's planned route (#planned-route-preview): the server wrote the route for each unit and
// drafting division; the one of the unit and division chosen is shown, before anything is submitted.
(function () {
  function show(form) {
    var preview = form.querySelector('#planned-route-preview');
    if (!preview) {
      return;
    }
    var unit = form.elements.unitId ? form.elements.unitId.value : '';
    var division = form.elements.divisionId ? form.elements.divisionId.value : '';
    var found = false;
    preview.querySelectorAll('.route-option').forEach(function (option) {
      var match = (option.getAttribute('data-unit') || '') === unit && (option.getAttribute('data-division') || '') === division;
      option.hidden = !match;
      found = found || match;
    });
    var none = preview.querySelector('.route-none');
    if (none) {
      none.hidden = found;
    }
  }
  document.addEventListener('change', function (event) {
    var field = event.target;
    if (field.form && field.form.querySelector('#planned-route-preview')
        && (field.name === 'unitId' || field.name === 'divisionId')) {
      show(field.form);
    }
  });
  document.addEventListener('DOMContentLoaded', function () {
    var preview = document.getElementById('planned-route-preview');
    if (preview && preview.closest('form')) {
      show(preview.closest('form'));
    }
  });
})();
