// Sends the CSRF token with every htmx request.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// Asks before sending a form that cannot be undone (data-confirm holds the localized question).
document.addEventListener('submit', function (event) {
  var question = event.target.getAttribute && event.target.getAttribute('data-confirm');
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
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
