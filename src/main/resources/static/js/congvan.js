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
